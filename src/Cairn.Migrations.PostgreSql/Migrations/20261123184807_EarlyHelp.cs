using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeadProfessionalId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanSummary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClosureReason = table.Column<int>(type: "integer", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FrontDoorContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Consent_GivenBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Consent_GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Consent_Method = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpEpisodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EducationRecords",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    HasComplexNeeds = table.Column<bool>(type: "boolean", nullable: false),
                    ComplexNeeds = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ElectivelyHomeEducated = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EducationRecords", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    By = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FromLead = table.Column<Guid>(type: "uuid", nullable: true),
                    ToLead = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    HasComplexNeeds = table.Column<bool>(type: "boolean", nullable: false),
                    ComplexNeeds = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
