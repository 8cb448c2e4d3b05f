using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DangersAndMissing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MissingEpisodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Context = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WhereFound = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InterviewDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InterviewOfferedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InterviewOfferedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InterviewAnswer = table.Column<int>(type: "INTEGER", nullable: true),
                    InterviewHeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InterviewSummary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    InterviewOverdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalationLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    NextEscalationAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissingEpisodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlacesOfConcern",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    LocalAuthorityCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Easting = table.Column<int>(type: "INTEGER", nullable: false),
                    Northing = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacesOfConcern", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskPersonDangers",
                columns: table => new
                {
                    RelationshipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    LocalAuthorityCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    Easting = table.Column<int>(type: "INTEGER", nullable: true),
                    Northing = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskPersonDangers", x => x.RelationshipId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_ChildId_StartedAt",
                table: "MissingEpisodes",
                columns: new[] { "ChildId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_NextEscalationAt",
                table: "MissingEpisodes",
                column: "NextEscalationAt");

            migrationBuilder.CreateIndex(
                name: "IX_PlacesOfConcern_AreaId_ChildId_To",
                table: "PlacesOfConcern",
                columns: new[] { "AreaId", "ChildId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_PlacesOfConcern_ChildId",
                table: "PlacesOfConcern",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskPersonDangers_ChildId",
                table: "RiskPersonDangers",
                column: "ChildId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MissingEpisodes");

            migrationBuilder.DropTable(
                name: "PlacesOfConcern");

            migrationBuilder.DropTable(
                name: "RiskPersonDangers");
        }
    }
}
