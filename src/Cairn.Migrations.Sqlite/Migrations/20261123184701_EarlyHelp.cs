using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EarlyHelp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EarlyHelpEpisodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeadProfessionalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosureReason = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FrontDoorContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Consent_GivenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Consent_GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Consent_Method = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpEpisodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EducationRecords",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HasComplexNeeds = table.Column<bool>(type: "INTEGER", nullable: false),
                    ComplexNeeds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ElectivelyHomeEducated = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EducationRecords", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    FromLead = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToLead = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEvents_EarlyHelpEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "EarlyHelpEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EducationRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HasComplexNeeds = table.Column<bool>(type: "INTEGER", nullable: false),
                    ComplexNeeds = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EducationRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EducationRevisions_EducationRecords_PersonId",
                        column: x => x.PersonId,
                        principalTable: "EducationRecords",
                        principalColumn: "PersonId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_ChildId_NotClosed",
                table: "EarlyHelpEpisodes",
                column: "ChildId",
                unique: true,
                filter: "\"Status\" <> 3");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_ChildId_StartedOn",
                table: "EarlyHelpEpisodes",
                columns: new[] { "ChildId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_FrontDoorContactId",
                table: "EarlyHelpEpisodes",
                column: "FrontDoorContactId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_LeadProfessionalId_Status",
                table: "EarlyHelpEpisodes",
                columns: new[] { "LeadProfessionalId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEvents_EpisodeId",
                table: "EarlyHelpEvents",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_EducationRecords_Flags",
                table: "EducationRecords",
                columns: new[] { "PersonId", "HasComplexNeeds", "ElectivelyHomeEducated" });

            migrationBuilder.CreateIndex(
                name: "IX_EducationRevisions_PersonId_Version",
                table: "EducationRevisions",
                columns: new[] { "PersonId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EarlyHelpEvents");

            migrationBuilder.DropTable(
                name: "EducationRevisions");

            migrationBuilder.DropTable(
                name: "EarlyHelpEpisodes");

            migrationBuilder.DropTable(
                name: "EducationRecords");
        }
    }
}
