using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ShareInboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Shares_RecipientAgency_Status",
                table: "Shares");

            migrationBuilder.DropIndex(
                name: "IX_Shares_RecipientProfessional_Status",
                table: "Shares");

            migrationBuilder.DropIndex(
                name: "IX_Shares_RecipientTeam_Status",
                table: "Shares");

            migrationBuilder.DropIndex(
                name: "IX_Shares_SentBy_Status",
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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
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

            migrationBuilder.CreateIndex(
                name: "IX_Shares_RecipientAgency_Status",
                table: "Shares",
                columns: new[] { "RecipientAgency", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Shares_RecipientProfessional_Status",
                table: "Shares",
                columns: new[] { "RecipientProfessional", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Shares_RecipientTeam_Status",
                table: "Shares",
                columns: new[] { "RecipientTeam", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Shares_SentBy_Status",
                table: "Shares",
                columns: new[] { "SentBy", "Status" });
        }
    }
}
