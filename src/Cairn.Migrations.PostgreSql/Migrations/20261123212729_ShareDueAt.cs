using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ShareDueAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Shares_RecipientAgency_RecipientTeam_RecipientProfessional_~",
                table: "Shares");

            migrationBuilder.DropIndex(
                name: "IX_Shares_RecipientProfessional_Status_Urgency_ReceiptDueAt_Ac~",
                table: "Shares");

            migrationBuilder.DropIndex(
                name: "IX_Shares_RecipientTeam_RecipientProfessional_Status_Urgency_R~",
                table: "Shares");

            migrationBuilder.DropIndex(
                name: "IX_Shares_SentBy_Status_Urgency_ReceiptDueAt_ActionDueAt",
                table: "Shares");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DueAt",
                table: "Shares",
                type: "timestamp with time zone",
                nullable: true);

            // Open shares get the due time of their running clock: receipt while with the Emergency Duty Team or
            // delivered, action once received; finished ones keep none.
            migrationBuilder.Sql("UPDATE \"Shares\" SET \"DueAt\" = CASE WHEN \"Status\" IN (1, 2) THEN \"ReceiptDueAt\" WHEN \"Status\" = 3 THEN \"ActionDueAt\" END;");

            migrationBuilder.CreateIndex(
                name: "IX_Shares_RecipientAgency_RecipientTeam_RecipientProfessional_~",
                table: "Shares",
                columns: new[] { "RecipientAgency", "RecipientTeam", "RecipientProfessional", "Urgency", "DueAt", "Status", "DeliveredAt" },
                filter: "\"DueAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Shares_RecipientProfessional_Urgency_DueAt_Status_Delivered~",
                table: "Shares",
                columns: new[] { "RecipientProfessional", "Urgency", "DueAt", "Status", "DeliveredAt" },
                filter: "\"DueAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Shares_RecipientTeam_RecipientProfessional_Urgency_DueAt_St~",
                table: "Shares",
                columns: new[] { "RecipientTeam", "RecipientProfessional", "Urgency", "DueAt", "Status", "DeliveredAt" },
                filter: "\"DueAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Shares_SentBy_Urgency_DueAt",
                table: "Shares",
                columns: new[] { "SentBy", "Urgency", "DueAt" },
                filter: "\"DueAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Shares_RecipientAgency_RecipientTeam_RecipientProfessional_~",
                table: "Shares");

            migrationBuilder.DropIndex(
                name: "IX_Shares_RecipientProfessional_Urgency_DueAt_Status_Delivered~",
                table: "Shares");

            migrationBuilder.DropIndex(
                name: "IX_Shares_RecipientTeam_RecipientProfessional_Urgency_DueAt_St~",
                table: "Shares");

            migrationBuilder.DropIndex(
                name: "IX_Shares_SentBy_Urgency_DueAt",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "Shares");

            migrationBuilder.CreateIndex(
                name: "IX_Shares_RecipientAgency_RecipientTeam_RecipientProfessional_~",
                table: "Shares",
                columns: new[] { "RecipientAgency", "RecipientTeam", "RecipientProfessional", "Status", "Urgency", "ReceiptDueAt", "ActionDueAt", "DeliveredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Shares_RecipientProfessional_Status_Urgency_ReceiptDueAt_Ac~",
                table: "Shares",
                columns: new[] { "RecipientProfessional", "Status", "Urgency", "ReceiptDueAt", "ActionDueAt", "DeliveredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Shares_RecipientTeam_RecipientProfessional_Status_Urgency_R~",
                table: "Shares",
                columns: new[] { "RecipientTeam", "RecipientProfessional", "Status", "Urgency", "ReceiptDueAt", "ActionDueAt", "DeliveredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Shares_SentBy_Status_Urgency_ReceiptDueAt_ActionDueAt",
                table: "Shares",
                columns: new[] { "SentBy", "Status", "Urgency", "ReceiptDueAt", "ActionDueAt" });
        }
    }
}
