using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonMatching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The old keys (every one-letter deletion of every name token) give way to name and sound-alike keys; the
            // application rebuilds them on start when people have none (PersonSearchIndex.EnsureBuiltAsync).
            migrationBuilder.Sql("DELETE FROM \"PersonSearchKeys\";");

            migrationBuilder.DropIndex(
                name: "IX_PersonSearchKeys_PersonId",
                table: "PersonSearchKeys");

            migrationBuilder.AddColumn<string>(
                name: "NotDuplicateReason",
                table: "People",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The new keys mean nothing to the old search; it has no rebuild, so a downgrade leaves name search empty.
            migrationBuilder.Sql("DELETE FROM \"PersonSearchKeys\";");

            migrationBuilder.DropColumn(
                name: "NotDuplicateReason",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_PersonSearchKeys_PersonId",
                table: "PersonSearchKeys",
                column: "PersonId");
        }
    }
}
