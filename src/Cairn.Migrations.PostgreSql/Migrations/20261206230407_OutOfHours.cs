using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OutOfHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmergencyDutyAcknowledgeDueAt",
                table: "Shares",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmergencyDutyAcknowledgedAt",
                table: "Shares",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EmergencyDutyAcknowledgedBy",
                table: "Shares",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmergencyDutyLevel",
                table: "Shares",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmergencyDutyPassesAt",
                table: "Shares",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyDutyReason",
                table: "Shares",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmergencyDutySince",
                table: "Shares",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmergencyDutyUntil",
                table: "Shares",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextOutOfHoursAt",
                table: "Shares",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "UrgentOutOfHours",
                table: "Shares",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmergencyDutyAcknowledgeDueAt",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmergencyDutyAcknowledgedAt",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EmergencyDutyAcknowledgedBy",
                table: "Contacts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmergencyDutyLevel",
                table: "Contacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyDutyNote",
                table: "Contacts",
                type: "character varying(16000)",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmergencyDutyPassesAt",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyDutyReason",
                table: "Contacts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmergencyDutySince",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmergencyDutyUntil",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextOutOfHoursAt",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Urgency",
                table: "Contacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "UrgentOutOfHours",
                table: "Contacts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Rows written before out-of-hours rules: contacts were all of the standard urgency; immediate and same-day shares
            // were urgent; a share held for the Emergency Duty Team was held from when it was sent until it was delivered.
            migrationBuilder.Sql("UPDATE \"Contacts\" SET \"Urgency\" = 3 WHERE \"Urgency\" = 0");
            migrationBuilder.Sql("UPDATE \"Shares\" SET \"UrgentOutOfHours\" = TRUE WHERE \"Urgency\" IN (1, 2)");
            migrationBuilder.Sql("UPDATE \"Shares\" SET \"EmergencyDutySince\" = \"SentAt\", \"EmergencyDutyUntil\" = \"DeliveredAt\", "
                + "\"NextOutOfHoursAt\" = \"DeliveredAt\", \"EmergencyDutyReason\" = 'Urgent share sent out of hours' WHERE \"Status\" = 1");

            migrationBuilder.CreateTable(
                name: "OutOfHoursRules",
                columns: table => new
                {
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    UrgentMask = table.Column<int>(type: "integer", nullable: false),
                    AcknowledgeMinutes = table.Column<int>(type: "integer", nullable: false),
                    OnCallMinutes = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
