using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Child = table.Column<Guid>(type: "uuid", nullable: false),
                    Rule = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedProfessional = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedTeam = table.Column<Guid>(type: "uuid", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AnsweredBy = table.Column<Guid>(type: "uuid", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Response = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EscalationLevel = table.Column<int>(type: "integer", nullable: false),
                    NextEscalationAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SteppedUpContactId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernPrompts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConcernRuleSettings",
                columns: table => new
                {
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Settings = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernRuleSettings", x => x.AreaId);
                });

            migrationBuilder.CreateTable(
                name: "ConcernPromptEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PromptId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    By = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(4100)", maxLength: 4100, nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PromptId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
