using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Emergency = table.Column<bool>(type: "INTEGER", nullable: false),
                    FamilyInformed = table.Column<int>(type: "INTEGER", nullable: false),
                    FamilyConsulted = table.Column<bool>(type: "INTEGER", nullable: false),
                    FamilyNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OverriddenBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReasonForChange = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    StartedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Where_InArea = table.Column<bool>(type: "INTEGER", nullable: false),
                    Where_PlacementType = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Where_Postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Where_Provider = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Where_SettingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Where_SettingName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Where_Urn = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
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
