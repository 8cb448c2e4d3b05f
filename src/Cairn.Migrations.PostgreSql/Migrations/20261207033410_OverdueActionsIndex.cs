using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OverdueActionsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanActions_OwnerId_InForce_Status_DueOn",
                table: "PlanActions");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_OwnerId_InForce_Status_DueOn_Id",
                table: "PlanActions",
                columns: new[] { "OwnerId", "InForce", "Status", "DueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanActions_OwnerId_InForce_Status_DueOn_Id",
                table: "PlanActions");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_OwnerId_InForce_Status_DueOn",
                table: "PlanActions",
                columns: new[] { "OwnerId", "InForce", "Status", "DueOn" });
        }
    }
}
