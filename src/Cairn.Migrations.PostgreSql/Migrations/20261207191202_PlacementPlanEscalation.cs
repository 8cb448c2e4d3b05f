using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PlanNextEscalationAt",
                table: "Placements",
                type: "timestamp with time zone",
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
