using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatutoryVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EscalationLevel",
                table: "Placements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastVisitOn",
                table: "Placements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LongTerm",
                table: "Placements",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "NextEscalationAt",
                table: "Placements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextVisitDueOn",
                table: "Placements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PlacementPlanAgreedOn",
                table: "Placements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PlacementPlanDueOn",
                table: "Placements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "VisitOverdue",
                table: "Placements",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "StatutoryVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SeenAlone = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotSeenAloneReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ChildsViews = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    VisitedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatutoryVisits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_NextEscalationAt",
                table: "Placements",
                column: "NextEscalationAt");

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryVisits_ChildId",
                table: "StatutoryVisits",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryVisits_PlacementId_VisitedOn",
                table: "StatutoryVisits",
                columns: new[] { "PlacementId", "VisitedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatutoryVisits");

            migrationBuilder.DropIndex(
                name: "IX_Placements_NextEscalationAt",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "EscalationLevel",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "LastVisitOn",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "LongTerm",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "NextEscalationAt",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "NextVisitDueOn",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "PlacementPlanAgreedOn",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "PlacementPlanDueOn",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "VisitOverdue",
                table: "Placements");
        }
    }
}
