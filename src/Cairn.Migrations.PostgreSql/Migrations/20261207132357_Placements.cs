using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Placements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Placements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Emergency = table.Column<bool>(type: "boolean", nullable: false),
                    FamilyInformed = table.Column<int>(type: "integer", nullable: false),
                    FamilyConsulted = table.Column<bool>(type: "boolean", nullable: false),
                    FamilyNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OverriddenBy = table.Column<Guid>(type: "uuid", nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonForChange = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    StartedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Where_InArea = table.Column<bool>(type: "boolean", nullable: false),
                    Where_PlacementType = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Where_Postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Where_Provider = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Where_SettingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Where_SettingName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Where_Urn = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Placements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_ChildId_Current",
                table: "Placements",
                column: "ChildId",
                unique: true,
                filter: "\"EndedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_ChildId_StartedOn",
                table: "Placements",
                columns: new[] { "ChildId", "StartedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Placements");
        }
    }
}
