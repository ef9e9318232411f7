using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Shifts",
                table: "Agents",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Agents",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Available");

            migrationBuilder.AddColumn<long>(
                name: "StatusSince",
                table: "Agents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Agents",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");

            // Keep who was away, away.
            migrationBuilder.Sql("UPDATE \"Agents\" SET \"Status\" = 'Away' WHERE \"Away\" = 1");

            // SQLite drops a column in place (3.35+); EF's table rebuild would switch foreign keys off outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"Agents\" DROP COLUMN \"Away\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Away",
                table: "Agents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("UPDATE \"Agents\" SET \"Away\" = 1 WHERE \"Status\" <> 'Available'");

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
