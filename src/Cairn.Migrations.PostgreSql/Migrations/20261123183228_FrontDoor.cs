using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Concerns",
                table: "ChronologySubjects",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ContactMode",
                table: "ChronologySubjects",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Before_Concerns",
                table: "ChronologyRevisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Content_Concerns",
                table: "ChronologyEntries",
                type: "integer",
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    ReferredBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Concerns = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Themes = table.Column<int>(type: "integer", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    Reasons = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedOffBy = table.Column<Guid>(type: "uuid", nullable: true),
                    SignedOffAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalationLevel = table.Column<int>(type: "integer", nullable: false),
                    NextEscalationAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Indicators = table.Column<string>(type: "text", nullable: false),
                    Incident_Discriminator = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Incident_OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Incident_Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Incident_Risk = table.Column<int>(type: "integer", nullable: true),
                    Incident_Type = table.Column<int>(type: "integer", nullable: true),
                    Referrer_Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    Referrer_Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Referrer_Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Referrer_Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Referrer_Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Referrer_Relationship = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StrategyDiscussions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HeldAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ByPhone = table.Column<bool>(type: "boolean", nullable: false),
                    StartSection47 = table.Column<bool>(type: "boolean", nullable: true),
                    Decision = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Attendees = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyDiscussions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThresholdDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Edition = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangeNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Levels = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThresholdDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContactEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    By = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: true)
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
