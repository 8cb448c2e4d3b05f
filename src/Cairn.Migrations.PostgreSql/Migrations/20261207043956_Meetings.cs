using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdultWorkers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AdultId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Service = table.Column<int>(type: "integer", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdultWorkers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LeadPractitioners",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    NamedAt = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadPractitioners", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRules",
                columns: table => new
                {
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amounts = table.Column<string>(type: "text", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRules", x => x.AreaId);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Trigger = table.Column<int>(type: "integer", nullable: false),
                    TriggerId = table.Column<Guid>(type: "uuid", nullable: true),
                    TriggeredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Venue = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ChairId = table.Column<Guid>(type: "uuid", nullable: true),
                    MoveReason = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    MoveAgreedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MissingRolesReason = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Quorate = table.Column<bool>(type: "boolean", nullable: true),
                    InquorateReason = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    PlanDecision = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: true),
                    LeadPractitionerId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlanChanges = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    NextMeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IncidentsSinceLast = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ChildsView = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ParentsView = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Discussion = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    FamilySummary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    MinutesStatus = table.Column<int>(type: "integer", nullable: false),
                    MinutesDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MinutesDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MinutesConfirmedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    MinutesSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EscalationLevel = table.Column<int>(type: "integer", nullable: false),
                    NextEscalationAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcomes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Proceedings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StartedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proceedings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    By = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingEvents_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingInvitees",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    InvitedBecause = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InvitedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    InvitationShareId = table.Column<Guid>(type: "uuid", nullable: true),
                    Attendance = table.Column<int>(type: "integer", nullable: true),
                    ReportReceived = table.Column<bool>(type: "boolean", nullable: false),
                    MinutesShareId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingInvitees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingInvitees_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FamilyAdvocates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProceedingsId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Advocate = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    NoAdvocateReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyAdvocates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyAdvocates_Proceedings_ProceedingsId",
                        column: x => x.ProceedingsId,
                        principalTable: "Proceedings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdultWorkers_AdultId",
                table: "AdultWorkers",
                column: "AdultId");

            migrationBuilder.CreateIndex(
                name: "IX_AdultWorkers_ProfessionalId",
                table: "AdultWorkers",
                column: "ProfessionalId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyAdvocates_ProceedingsId",
                table: "FamilyAdvocates",
                column: "ProceedingsId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadPractitioners_ChildId_To",
                table: "LeadPractitioners",
                columns: new[] { "ChildId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingEvents_MeetingId",
                table: "MeetingEvents",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitees_MeetingId",
                table: "MeetingInvitees",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitees_ProfessionalId",
                table: "MeetingInvitees",
                column: "ProfessionalId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_ChildId_Kind_Status",
                table: "Meetings",
                columns: new[] { "ChildId", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_NextEscalationAt",
                table: "Meetings",
                column: "NextEscalationAt");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_OwnerId_Status_DueOn",
                table: "Meetings",
                columns: new[] { "OwnerId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Status_DueOn",
                table: "Meetings",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Status_MinutesStatus_MinutesDueOn",
                table: "Meetings",
                columns: new[] { "Status", "MinutesStatus", "MinutesDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_TriggerId_Kind_Number",
                table: "Meetings",
                columns: new[] { "TriggerId", "Kind", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proceedings_ChildId_Kind",
                table: "Proceedings",
                columns: new[] { "ChildId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdultWorkers");

            migrationBuilder.DropTable(
                name: "FamilyAdvocates");

            migrationBuilder.DropTable(
                name: "LeadPractitioners");

            migrationBuilder.DropTable(
                name: "MeetingEvents");

            migrationBuilder.DropTable(
                name: "MeetingInvitees");

            migrationBuilder.DropTable(
                name: "MeetingRules");

            migrationBuilder.DropTable(
                name: "Proceedings");

            migrationBuilder.DropTable(
                name: "Meetings");
        }
    }
}
