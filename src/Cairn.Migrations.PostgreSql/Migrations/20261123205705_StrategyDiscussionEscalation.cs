using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class StrategyDiscussionEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EscalationLevel",
                table: "StrategyDiscussions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextEscalationAt",
                table: "StrategyDiscussions",
                type: "timestamp with time zone",
                nullable: true);

            // Discussions already waiting to be held start on the ladder at their due time, like new ones.
            migrationBuilder.Sql("UPDATE \"StrategyDiscussions\" SET \"NextEscalationAt\" = \"DueAt\" WHERE \"Status\" = 1;");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_NextEscalationAt",
                table: "StrategyDiscussions",
                column: "NextEscalationAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StrategyDiscussions_NextEscalationAt",
                table: "StrategyDiscussions");

            migrationBuilder.DropColumn(
                name: "EscalationLevel",
                table: "StrategyDiscussions");

            migrationBuilder.DropColumn(
                name: "NextEscalationAt",
                table: "StrategyDiscussions");
        }
    }
}
