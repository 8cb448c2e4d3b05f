using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReturnsLegalStatusCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NeedCode",
                table: "LegalStatuses",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReasonCareCeased",
                table: "LegalStatuses",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "LegalStatuses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NeedCode",
                table: "LegalStatuses");

            migrationBuilder.DropColumn(
                name: "ReasonCareCeased",
                table: "LegalStatuses");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "LegalStatuses");
        }
    }
}
