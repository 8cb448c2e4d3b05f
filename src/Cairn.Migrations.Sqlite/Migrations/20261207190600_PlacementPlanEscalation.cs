using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlacementPlanEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlanEscalationLevel",
                table: "Placements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "PlanNextEscalationAt",
                table: "Placements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Placements_PlanNextEscalationAt",
                table: "Placements",
                column: "PlanNextEscalationAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Placements_PlanNextEscalationAt",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "PlanEscalationLevel",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "PlanNextEscalationAt",
                table: "Placements");
        }
    }
}
