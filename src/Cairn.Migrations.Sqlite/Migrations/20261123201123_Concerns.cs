using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Concerns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConcernPrompts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Child = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssignedProfessional = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedTeam = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AnsweredBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Response = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EscalationLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    NextEscalationAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SteppedUpContactId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernPrompts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConcernRuleSettings",
                columns: table => new
                {
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Settings = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernRuleSettings", x => x.AreaId);
                });

            migrationBuilder.CreateTable(
                name: "ConcernPromptEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PromptId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4100, nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernPromptEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConcernPromptEvents_ConcernPrompts_PromptId",
                        column: x => x.PromptId,
                        principalTable: "ConcernPrompts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConcernPromptEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PromptId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernPromptEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConcernPromptEvidence_ConcernPrompts_PromptId",
                        column: x => x.PromptId,
                        principalTable: "ConcernPrompts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConcernPromptEvents_PromptId",
                table: "ConcernPromptEvents",
                column: "PromptId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernPromptEvidence_ContactId",
                table: "ConcernPromptEvidence",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernPromptEvidence_EntryId",
                table: "ConcernPromptEvidence",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernPromptEvidence_PromptId",
                table: "ConcernPromptEvidence",
                column: "PromptId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernPrompts_AssignedProfessional_Status",
                table: "ConcernPrompts",
                columns: new[] { "AssignedProfessional", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ConcernPrompts_AssignedTeam_Status",
                table: "ConcernPrompts",
                columns: new[] { "AssignedTeam", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ConcernPrompts_Child_Rule_Status",
                table: "ConcernPrompts",
                columns: new[] { "Child", "Rule", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ConcernPrompts_NextEscalationAt",
                table: "ConcernPrompts",
                column: "NextEscalationAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConcernPromptEvents");

            migrationBuilder.DropTable(
                name: "ConcernPromptEvidence");

            migrationBuilder.DropTable(
                name: "ConcernRuleSettings");

            migrationBuilder.DropTable(
                name: "ConcernPrompts");
        }
    }
}
