using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlacementRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlacementProviders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementProviders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlacementSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Regulator = table.Column<int>(type: "INTEGER", nullable: true),
                    RegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LastJudgement = table.Column<int>(type: "INTEGER", nullable: false),
                    LastJudgementOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    LocalAuthorityCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    UpperTierCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Easting = table.Column<int>(type: "INTEGER", nullable: false),
                    Northing = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    MinAge = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAge = table.Column<int>(type: "INTEGER", nullable: false),
                    Sexes = table.Column<int>(type: "INTEGER", nullable: false),
                    Specialisms = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Staffing = table.Column<int>(type: "INTEGER", nullable: false),
                    WakingNightStaff = table.Column<bool>(type: "INTEGER", nullable: false),
                    Restrictions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegistrationSuspended = table.Column<bool>(type: "INTEGER", nullable: false),
                    Vacancies = table.Column<int>(type: "INTEGER", nullable: true),
                    VacanciesFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlacementSettings_PlacementProviders_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "PlacementProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<Guid>(type: "TEXT", nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Changed = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderRevisions_PlacementProviders_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "PlacementProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SettingRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SettingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<Guid>(type: "TEXT", nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Changed = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettingRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettingRevisions_PlacementSettings_SettingId",
                        column: x => x.SettingId,
                        principalTable: "PlacementSettings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SettingVacancies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SettingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Vacancies = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettingVacancies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettingVacancies_PlacementSettings_SettingId",
                        column: x => x.SettingId,
                        principalTable: "PlacementSettings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlacementProviders_AreaId_Name",
                table: "PlacementProviders",
                columns: new[] { "AreaId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_PlacementSettings_AreaId_Type",
                table: "PlacementSettings",
                columns: new[] { "AreaId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_PlacementSettings_ProviderId",
                table: "PlacementSettings",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderRevisions_ProviderId_Version",
                table: "ProviderRevisions",
                columns: new[] { "ProviderId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettingRevisions_SettingId_Version",
                table: "SettingRevisions",
                columns: new[] { "SettingId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettingVacancies_SettingId_From",
                table: "SettingVacancies",
                columns: new[] { "SettingId", "From" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProviderRevisions");

            migrationBuilder.DropTable(
                name: "SettingRevisions");

            migrationBuilder.DropTable(
                name: "SettingVacancies");

            migrationBuilder.DropTable(
                name: "PlacementSettings");

            migrationBuilder.DropTable(
                name: "PlacementProviders");
        }
    }
}
