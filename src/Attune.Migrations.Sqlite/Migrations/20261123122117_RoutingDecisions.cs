using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoutingDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Escalated",
                table: "Conversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "EscalatedAt",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstReplyDue",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlingMode",
                table: "Conversations",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastStatusUpdateAt",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsTrainedAgent",
                table: "Conversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Playbook",
                table: "Conversations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PolicyName",
                table: "Conversations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PolicyVersion",
                table: "Conversations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolutionDue",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RoutedAt",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RoutedMessageId",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoutingExplanation",
                table: "Conversations",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoutingRule",
                table: "Conversations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlaName",
                table: "Conversations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AboveAlertSince",
                table: "Agents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AboveBreakSince",
                table: "Agents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Away",
                table: "Agents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "BreakSuggested",
                table: "Agents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Capacity",
                table: "Agents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ExtraDesks",
                table: "Agents",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "HeavyStreak",
                table: "Agents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "LeadAlerted",
                table: "Agents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "Load",
                table: "Agents",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "LoadAt",
                table: "Agents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "VulnerabilityTrained",
                table: "Agents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: true),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_Status_Escalated",
                table: "Conversations",
                columns: new[] { "Status", "Escalated" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_At",
                table: "Alerts",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_Status_Escalated",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Escalated",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "FirstReplyDue",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "HandlingMode",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "LastStatusUpdateAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "NeedsTrainedAgent",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Playbook",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "PolicyName",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "PolicyVersion",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ResolutionDue",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "RoutedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "RoutedMessageId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "RoutingExplanation",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "RoutingRule",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SlaName",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "AboveAlertSince",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "AboveBreakSince",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "Away",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "BreakSuggested",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "Capacity",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "ExtraDesks",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "HeavyStreak",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "LeadAlerted",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "Load",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "LoadAt",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "VulnerabilityTrained",
                table: "Agents");
        }
    }
}
