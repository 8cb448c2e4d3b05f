using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
