using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutOfHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EmergencyDutyAcknowledgeDueAt",
                table: "Shares",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmergencyDutyAcknowledgedAt",
                table: "Shares",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EmergencyDutyAcknowledgedBy",
                table: "Shares",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmergencyDutyLevel",
                table: "Shares",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "EmergencyDutyPassesAt",
                table: "Shares",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyDutyReason",
                table: "Shares",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmergencyDutySince",
                table: "Shares",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmergencyDutyUntil",
                table: "Shares",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextOutOfHoursAt",
                table: "Shares",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "UrgentOutOfHours",
                table: "Shares",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "EmergencyDutyAcknowledgeDueAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmergencyDutyAcknowledgedAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EmergencyDutyAcknowledgedBy",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmergencyDutyLevel",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyDutyNote",
                table: "Contacts",
                type: "TEXT",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmergencyDutyPassesAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyDutyReason",
                table: "Contacts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmergencyDutySince",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmergencyDutyUntil",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextOutOfHoursAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Urgency",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "UrgentOutOfHours",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Rows written before out-of-hours rules: contacts were all of the standard urgency; immediate and same-day shares
            // were urgent; a share held for the Emergency Duty Team was held from when it was sent until it was delivered.
            migrationBuilder.Sql("UPDATE \"Contacts\" SET \"Urgency\" = 3 WHERE \"Urgency\" = 0");
            migrationBuilder.Sql("UPDATE \"Shares\" SET \"UrgentOutOfHours\" = 1 WHERE \"Urgency\" IN (1, 2)");
            migrationBuilder.Sql("UPDATE \"Shares\" SET \"EmergencyDutySince\" = \"SentAt\", \"EmergencyDutyUntil\" = \"DeliveredAt\", "
                + "\"NextOutOfHoursAt\" = \"DeliveredAt\", \"EmergencyDutyReason\" = 'Urgent share sent out of hours' WHERE \"Status\" = 1");

            migrationBuilder.CreateTable(
                name: "OutOfHoursRules",
                columns: table => new
                {
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UrgentMask = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    OnCallMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutOfHoursRules", x => x.AreaId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Shares_NextOutOfHoursAt",
                table: "Shares",
                column: "NextOutOfHoursAt");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_AreaId_EmergencyDutySince",
                table: "Contacts",
                columns: new[] { "AreaId", "EmergencyDutySince" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_NextOutOfHoursAt",
                table: "Contacts",
                column: "NextOutOfHoursAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutOfHoursRules");

            migrationBuilder.DropIndex(
                name: "IX_Shares_NextOutOfHoursAt",
                table: "Shares");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_AreaId_EmergencyDutySince",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_NextOutOfHoursAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyAcknowledgeDueAt",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyAcknowledgedAt",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyAcknowledgedBy",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyLevel",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyPassesAt",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyReason",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "EmergencyDutySince",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyUntil",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "NextOutOfHoursAt",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "UrgentOutOfHours",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyAcknowledgeDueAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyAcknowledgedAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyAcknowledgedBy",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyLevel",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyNote",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyPassesAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyReason",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "EmergencyDutySince",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "EmergencyDutyUntil",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "NextOutOfHoursAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Urgency",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "UrgentOutOfHours",
                table: "Contacts");
        }
    }
}
