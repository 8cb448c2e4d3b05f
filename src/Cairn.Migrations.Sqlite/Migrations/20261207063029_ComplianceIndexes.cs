using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ComplianceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_InForce_Status_DueOn_Id",
                table: "PlanActions",
                columns: new[] { "InForce", "Status", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_Status_DueOn_Id",
                table: "Assessments",
                columns: new[] { "Status", "DueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanActions_InForce_Status_DueOn_Id",
                table: "PlanActions");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_Status_DueOn_Id",
                table: "Assessments");
        }
    }
}
