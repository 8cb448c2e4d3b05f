using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdultId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Service = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdultWorkers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LeadPractitioners",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NamedAt = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadPractitioners", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRules",
                columns: table => new
                {
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amounts = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRules", x => x.AreaId);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    TriggerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TriggeredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScheduledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ChairId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MoveReason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    MoveAgreedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MissingRolesReason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Quorate = table.Column<bool>(type: "INTEGER", nullable: true),
                    InquorateReason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PlanDecision = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: true),
                    LeadPractitionerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlanChanges = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    NextMeetingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IncidentsSinceLast = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ChildsView = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ParentsView = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Discussion = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    FamilySummary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    MinutesStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    MinutesDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MinutesDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MinutesConfirmedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    MinutesSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalationLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    NextEscalationAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcomes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Proceedings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proceedings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InvitedBecause = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InvitedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvitationShareId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Attendance = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportReceived = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinutesShareId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProceedingsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Advocate = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NoAdvocateReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
