using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cairn.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementProviders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlacementSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Regulator = table.Column<int>(type: "integer", nullable: true),
                    RegistrationNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LastJudgement = table.Column<int>(type: "integer", nullable: false),
                    LastJudgementOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    LocalAuthorityCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    UpperTierCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Easting = table.Column<int>(type: "integer", nullable: false),
                    Northing = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    MinAge = table.Column<int>(type: "integer", nullable: false),
                    MaxAge = table.Column<int>(type: "integer", nullable: false),
                    Sexes = table.Column<int>(type: "integer", nullable: false),
                    Specialisms = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Staffing = table.Column<int>(type: "integer", nullable: false),
                    WakingNightStaff = table.Column<bool>(type: "boolean", nullable: false),
                    Restrictions = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegistrationSuspended = table.Column<bool>(type: "boolean", nullable: false),
                    Vacancies = table.Column<int>(type: "integer", nullable: true),
                    VacanciesFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<Guid>(type: "uuid", nullable: false),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Changed = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SettingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<Guid>(type: "uuid", nullable: false),
                    Details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Changed = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SettingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Vacancies = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false)
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
