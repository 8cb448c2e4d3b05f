using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Disagreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Disagreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedByAgency = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DecisionEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Concern = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OutcomeSought = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StageStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PartnershipFlaggedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextEscalationAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disagreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisagreementEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisagreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<Guid>(type: "TEXT", nullable: true),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisagreementEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisagreementEvents_Disagreements_DisagreementId",
                        column: x => x.DisagreementId,
                        principalTable: "Disagreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DisagreementStages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisagreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisagreementStages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisagreementStages_Disagreements_DisagreementId",
                        column: x => x.DisagreementId,
                        principalTable: "Disagreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisagreementEvents_DisagreementId",
                table: "DisagreementEvents",
                column: "DisagreementId");

            migrationBuilder.CreateIndex(
                name: "IX_Disagreements_ChildId",
                table: "Disagreements",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Disagreements_NextEscalationAt",
                table: "Disagreements",
                column: "NextEscalationAt");

            migrationBuilder.CreateIndex(
                name: "IX_Disagreements_OwnerId_Status",
                table: "Disagreements",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Disagreements_RaisedBy",
                table: "Disagreements",
                column: "RaisedBy");

            migrationBuilder.CreateIndex(
                name: "IX_DisagreementStages_DisagreementId_Stage",
                table: "DisagreementStages",
                columns: new[] { "DisagreementId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_DisagreementStages_OwnerId",
                table: "DisagreementStages",
                column: "OwnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisagreementEvents");

            migrationBuilder.DropTable(
                name: "DisagreementStages");

            migrationBuilder.DropTable(
                name: "Disagreements");
        }
    }
}
