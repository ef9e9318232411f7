using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AgentSkillsShiftsStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChannelCapacity",
                table: "Agents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Shifts",
                table: "Agents",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Agents",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Available");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusSince",
                table: "Agents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Agents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");

            // Keep who was away, away.
            migrationBuilder.Sql("UPDATE \"Agents\" SET \"Status\" = 'Away' WHERE \"Away\" = TRUE");

            migrationBuilder.DropColumn(
                name: "Away",
                table: "Agents");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Away",
                table: "Agents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("UPDATE \"Agents\" SET \"Away\" = TRUE WHERE \"Status\" <> 'Available'");

            migrationBuilder.DropColumn(
                name: "ChannelCapacity",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "Shifts",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "StatusSince",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Agents");
        }
    }
}
