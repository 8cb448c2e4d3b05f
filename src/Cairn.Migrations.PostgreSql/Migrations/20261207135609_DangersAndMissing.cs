using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReportedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Context = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WhereFound = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InterviewDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InterviewOfferedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InterviewOfferedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InterviewAnswer = table.Column<int>(type: "integer", nullable: true),
                    InterviewHeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InterviewSummary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    InterviewOverdue = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EscalationLevel = table.Column<int>(type: "integer", nullable: false),
                    NextEscalationAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissingEpisodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlacesOfConcern",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    LocalAuthorityCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Easting = table.Column<int>(type: "integer", nullable: false),
                    Northing = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Risk = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacesOfConcern", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskPersonDangers",
                columns: table => new
                {
                    RelationshipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    PlaceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    LocalAuthorityCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    Easting = table.Column<int>(type: "integer", nullable: true),
                    Northing = table.Column<int>(type: "integer", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
