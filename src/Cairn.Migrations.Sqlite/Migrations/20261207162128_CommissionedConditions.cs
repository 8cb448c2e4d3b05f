using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommissionedConditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommissionedConditions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BreachRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BreachObservedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RiskAssessmentDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RiskAssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RiskAssessmentOverdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    Breaches = table.Column<int>(type: "INTEGER", nullable: false),
                    RegulatorShareId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DesignatedOfficerShareId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalationLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    NextEscalationAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionedConditions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConditionObservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Delivery = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConditionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConditionObservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConditionObservations_CommissionedConditions_ConditionId",
                        column: x => x.ConditionId,
                        principalTable: "CommissionedConditions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionedConditions_ChildId",
                table: "CommissionedConditions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionedConditions_NextEscalationAt",
                table: "CommissionedConditions",
                column: "NextEscalationAt");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionedConditions_PlacementId",
                table: "CommissionedConditions",
                column: "PlacementId");

            migrationBuilder.CreateIndex(
                name: "IX_ConditionObservations_ConditionId",
                table: "ConditionObservations",
                column: "ConditionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConditionObservations");

            migrationBuilder.DropTable(
                name: "CommissionedConditions");
        }
    }
}
