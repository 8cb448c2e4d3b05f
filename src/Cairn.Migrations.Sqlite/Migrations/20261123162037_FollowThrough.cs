using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FollowThrough : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarAdjustments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MovedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarAdjustments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SendAttempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Shares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SentBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentByAgency = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientAgency = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientTeam = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecipientProfessional = table.Column<Guid>(type: "TEXT", nullable: true),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ArrivedOutOfHours = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceiptDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActionDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    EmergencyDutyNote = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    EscalationLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    NextEscalationAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shares", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SweepLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Until = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SweepLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "ShareAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShareId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UploadedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShareAttachments_Shares_ShareId",
                        column: x => x.ShareId,
                        principalTable: "Shares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShareChildren",
                columns: table => new
                {
                    ShareId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareChildren", x => new { x.ShareId, x.ChildId });
                    table.ForeignKey(
                        name: "FK_ShareChildren_Shares_ShareId",
                        column: x => x.ShareId,
                        principalTable: "Shares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShareEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShareId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: true),
                    Clock = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShareEvents_Shares_ShareId",
                        column: x => x.ShareId,
                        principalTable: "Shares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShareAttachmentContents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", maxLength: 10485760, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareAttachmentContents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShareAttachmentContents_ShareAttachments_Id",
                        column: x => x.Id,
                        principalTable: "ShareAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CalendarAdjustments",
                columns: new[] { "Id", "Date", "Kind", "MovedFrom", "Name" },
                values: new object[,]
                {
                    { 1, new DateOnly(1981, 7, 29), 0, null, "Royal wedding" },
                    { 2, new DateOnly(1995, 5, 8), 1, new DateOnly(1995, 5, 1), "Early May bank holiday (VE day)" },
                    { 3, new DateOnly(1999, 12, 31), 0, null, "Millennium celebrations" },
                    { 4, new DateOnly(2002, 6, 4), 1, new DateOnly(2002, 5, 27), null },
                    { 5, new DateOnly(2002, 6, 3), 0, null, "Queen's Golden Jubilee" },
                    { 6, new DateOnly(2011, 4, 29), 0, null, "Royal wedding" },
                    { 7, new DateOnly(2012, 6, 4), 1, new DateOnly(2012, 5, 28), null },
                    { 8, new DateOnly(2012, 6, 5), 0, null, "Queen's Diamond Jubilee" },
                    { 9, new DateOnly(2020, 5, 8), 1, new DateOnly(2020, 5, 4), "Early May bank holiday (VE day)" },
                    { 10, new DateOnly(2022, 6, 2), 1, new DateOnly(2022, 5, 30), null },
                    { 11, new DateOnly(2022, 6, 3), 0, null, "Platinum Jubilee bank holiday" },
                    { 12, new DateOnly(2022, 9, 19), 0, null, "Bank Holiday for the State Funeral of Queen Elizabeth II" },
                    { 13, new DateOnly(2023, 5, 8), 0, null, "Bank holiday for the coronation of King Charles III" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarAdjustments_Date",
                table: "CalendarAdjustments",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ProfessionalId_ReadAt",
                table: "Notifications",
                columns: new[] { "ProfessionalId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SentAt",
                table: "Notifications",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_ShareAttachments_ShareId",
                table: "ShareAttachments",
                column: "ShareId");

            migrationBuilder.CreateIndex(
                name: "IX_ShareChildren_ChildId",
                table: "ShareChildren",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ShareEvents_ShareId",
                table: "ShareEvents",
                column: "ShareId");

            migrationBuilder.CreateIndex(
                name: "IX_Shares_NextEscalationAt",
                table: "Shares",
                column: "NextEscalationAt");

            migrationBuilder.CreateIndex(
                name: "IX_Shares_RecipientAgency_Status",
                table: "Shares",
                columns: new[] { "RecipientAgency", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Shares_RecipientProfessional_Status",
                table: "Shares",
                columns: new[] { "RecipientProfessional", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Shares_RecipientTeam_Status",
                table: "Shares",
                columns: new[] { "RecipientTeam", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Shares_SentBy_Status",
                table: "Shares",
                columns: new[] { "SentBy", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Shares_Status_DeliveredAt",
                table: "Shares",
                columns: new[] { "Status", "DeliveredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarAdjustments");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "ShareAttachmentContents");

            migrationBuilder.DropTable(
                name: "ShareChildren");

            migrationBuilder.DropTable(
                name: "ShareEvents");

            migrationBuilder.DropTable(
                name: "SweepLeases");

            migrationBuilder.DropTable(
                name: "ShareAttachments");

            migrationBuilder.DropTable(
                name: "Shares");
        }
    }
}
