using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacementId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BreachRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BreachObservedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RiskAssessmentDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RiskAssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RiskAssessmentOverdue = table.Column<bool>(type: "boolean", nullable: false),
                    Breaches = table.Column<int>(type: "integer", nullable: false),
                    RegulatorShareId = table.Column<Guid>(type: "uuid", nullable: true),
                    DesignatedOfficerShareId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EscalationLevel = table.Column<int>(type: "integer", nullable: false),
                    NextEscalationAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionedConditions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConditionObservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Delivery = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConditionId = table.Column<Guid>(type: "uuid", nullable: false)
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
