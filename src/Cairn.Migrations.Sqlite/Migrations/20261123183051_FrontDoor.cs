using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FrontDoor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AppointmentOutcome",
                table: "ChronologySubjects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Concerns",
                table: "ChronologySubjects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ContactMode",
                table: "ChronologySubjects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Before_Concerns",
                table: "ChronologyRevisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Content_Concerns",
                table: "ChronologyEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Subjects carry copies of the fields the concern rules read: fill them in for entries recorded before.
            migrationBuilder.Sql(
                """
                UPDATE "ChronologySubjects" SET
                    "ContactMode" = (SELECT e."Content_ContactMode" FROM "ChronologyEntries" e WHERE e."Id" = "ChronologySubjects"."EntryId"),
                    "AppointmentOutcome" = (SELECT e."Content_AppointmentOutcome" FROM "ChronologyEntries" e WHERE e."Id" = "ChronologySubjects"."EntryId")
                """);

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferredBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Concerns = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Themes = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignedOffBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignedOffAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EscalationLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    NextEscalationAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Indicators = table.Column<string>(type: "TEXT", nullable: false),
                    Incident_Discriminator = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Incident_OccurredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Incident_Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Incident_Risk = table.Column<int>(type: "INTEGER", nullable: true),
                    Incident_Type = table.Column<int>(type: "INTEGER", nullable: true),
                    Referrer_Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Referrer_Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Referrer_Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Referrer_Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Referrer_Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Referrer_Relationship = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StrategyDiscussions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequiredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ByPhone = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartSection47 = table.Column<bool>(type: "INTEGER", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyDiscussions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThresholdDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Edition = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Levels = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThresholdDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContactEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactEvents_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContactEvents_ContactId",
                table: "ContactEvents",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_AreaId_Status_ReceivedAt",
                table: "Contacts",
                columns: new[] { "AreaId", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ChildId_ReceivedAt",
                table: "Contacts",
                columns: new[] { "ChildId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_GroupId",
                table: "Contacts",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_NextEscalationAt",
                table: "Contacts",
                column: "NextEscalationAt");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_ChildId",
                table: "StrategyDiscussions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_ContactId",
                table: "StrategyDiscussions",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_Status_DueAt",
                table: "StrategyDiscussions",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ThresholdDocuments_AreaId_Edition",
                table: "ThresholdDocuments",
                columns: new[] { "AreaId", "Edition" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactEvents");

            migrationBuilder.DropTable(
                name: "StrategyDiscussions");

            migrationBuilder.DropTable(
                name: "ThresholdDocuments");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropColumn(
                name: "AppointmentOutcome",
                table: "ChronologySubjects");

            migrationBuilder.DropColumn(
                name: "Concerns",
                table: "ChronologySubjects");

            migrationBuilder.DropColumn(
                name: "ContactMode",
                table: "ChronologySubjects");

            migrationBuilder.DropColumn(
                name: "Before_Concerns",
                table: "ChronologyRevisions");

            migrationBuilder.DropColumn(
                name: "Content_Concerns",
                table: "ChronologyEntries");
        }
    }
}
