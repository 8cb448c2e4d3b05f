using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EarlyHelpPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "EpisodeId",
                table: "Plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_EpisodeId",
                table: "Plans",
                column: "EpisodeId");

            // Each episode's free-text plan summary becomes a draft early help plan of that episode (the plan's id is the
            // episode's), led by the episode's lead professional: one outcome section holding the text exactly, marked not
            // reviewed (Review = 2), so the plan cannot be agreed until someone confirms or rewrites it. Nothing is lost.
            migrationBuilder.Sql("""
                INSERT INTO "Plans" ("Id", "ChildId", "Type", "Category", "Status", "LeadId", "StartedOn", "EndedOn", "EndReason",
                    "MadeFromPlanId", "CreatedBy", "CreatedAt", "Version", "EpisodeId")
                SELECT e."Id", e."ChildId", 4, NULL, 1, e."LeadProfessionalId", NULL, NULL, NULL, NULL, e."StartedBy", e."StartedAt", 1,
                    e."Id"
                FROM "EarlyHelpEpisodes" e
                WHERE trim(e."PlanSummary") <> '' AND NOT EXISTS (SELECT 1 FROM "Plans" p WHERE p."Id" = e."Id");
                """);
            migrationBuilder.Sql("""
                INSERT INTO "PlanVersions" ("PlanId", "Number", "Status", "Sections", "MadeFrom", "CreatedBy", "CreatedAt")
                SELECT e."Id", 1, 1,
                    json_array(json_object('Key', lower(e."Id"), 'Kind', 1, 'Title', 'Plan summary recorded on the early help episode',
                        'Text', e."PlanSummary", 'Actions', json_array(), 'Review', 2, 'ReviewedBy', NULL, 'ReviewedAt', NULL,
                        'CarriedFrom', 'the early help episode''s plan summary')),
                    'the early help episode''s plan summary', e."StartedBy", e."StartedAt"
                FROM "EarlyHelpEpisodes" e
                WHERE trim(e."PlanSummary") <> ''
                    AND EXISTS (SELECT 1 FROM "Plans" p WHERE p."Id" = e."Id" AND p."EpisodeId" = e."Id")
                    AND NOT EXISTS (SELECT 1 FROM "PlanVersions" v WHERE v."PlanId" = e."Id");
                """);

            migrationBuilder.DropColumn(
                name: "PlanSummary",
                table: "EarlyHelpEpisodes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PlanSummary",
                table: "EarlyHelpEpisodes",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            // The text goes back on its episode from the plan made of it; a plan nobody has changed since (Version 1) goes.
            migrationBuilder.Sql("""
                UPDATE "EarlyHelpEpisodes" SET "PlanSummary" = COALESCE((
                    SELECT json_extract(v."Sections", '$[0].Text') FROM "PlanVersions" v
                    WHERE v."PlanId" = "EarlyHelpEpisodes"."Id" AND v."Number" = 1 AND v."MadeFrom" = 'the early help episode''s plan summary'), '');
                """);
            migrationBuilder.Sql("""
                DELETE FROM "PlanVersions" WHERE "MadeFrom" = 'the early help episode''s plan summary'
                    AND "PlanId" IN (SELECT "Id" FROM "Plans" WHERE "EpisodeId" = "Id" AND "Version" = 1);
                """);
            migrationBuilder.Sql("""
                DELETE FROM "Plans" WHERE "EpisodeId" = "Id" AND "Version" = 1
                    AND NOT EXISTS (SELECT 1 FROM "PlanVersions" v WHERE v."PlanId" = "Plans"."Id");
                """);

            migrationBuilder.DropIndex(
                name: "IX_Plans_EpisodeId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "EpisodeId",
                table: "Plans");
        }
    }
}
