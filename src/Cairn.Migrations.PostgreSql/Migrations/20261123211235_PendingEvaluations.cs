using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PendingEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PendingEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingEvaluations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PendingEvaluations_QueuedAt",
                table: "PendingEvaluations",
                column: "QueuedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PendingEvaluations");
        }
    }
}
