using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChronologyPageIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChronologySubjects_PersonId_OccurredAt",
                table: "ChronologySubjects");

            migrationBuilder.CreateIndex(
                name: "IX_ChronologySubjects_PersonChronology",
                table: "ChronologySubjects",
                columns: new[] { "PersonId", "OccurredAt", "EntryId", "Significance", "Category", "AgencyId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChronologySubjects_PersonChronology",
                table: "ChronologySubjects");

            migrationBuilder.CreateIndex(
                name: "IX_ChronologySubjects_PersonId_OccurredAt",
                table: "ChronologySubjects",
                columns: new[] { "PersonId", "OccurredAt" });
        }
    }
}
