using Attune.App.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Attune.App.Data;

public sealed class AttuneDb(DbContextOptions<AttuneDb> options) : DbContext(options)
{
    private readonly bool _sqlite = options.Extensions.Any(e => e.GetType().Name.StartsWith("Sqlite", StringComparison.Ordinal));

    public DbSet<Desk> Desks => Set<Desk>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<RecordedNeed> Needs => Set<RecordedNeed>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<RoutingPolicyVersion> RoutingPolicies => Set<RoutingPolicyVersion>();
    public DbSet<PolicyDraft> PolicyDrafts => Set<PolicyDraft>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<Article> Articles => Set<Article>();

    public bool IsSqlite => _sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (_sqlite)
        {
            // SQLite cannot compare or order DateTimeOffset text; store UTC ticks so filters and ORDER BY run in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Desk>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => x.Name).IsUnique();
        });
        modelBuilder.Entity<Agent>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(320);
            e.HasIndex(x => x.Email).IsUnique();
            e.Property(x => x.ExtraDesks).HasMaxLength(500);
            e.Property(x => x.ChannelCapacity).HasMaxLength(200);
            e.Property(x => x.Shifts).HasMaxLength(1000);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<Article>(e =>
        {
            e.Property(x => x.Slug).HasMaxLength(200);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.UpdatedBy).HasMaxLength(320);
            e.HasIndex(x => x.Slug).IsUnique();
        });
        modelBuilder.Entity<Alert>(e =>
        {
            e.Property(x => x.Kind).HasMaxLength(64);
            e.Property(x => x.Message).HasMaxLength(1000);
            e.HasIndex(x => x.At);
        });
        modelBuilder.Entity<Account>(e => e.Property(x => x.Name).HasMaxLength(200));
        modelBuilder.Entity<RoutingPolicyVersion>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Version).HasMaxLength(100);
            e.Property(x => x.ActivatedBy).HasMaxLength(320);
            e.HasIndex(x => new { x.Name, x.Version }).IsUnique();
        });
        modelBuilder.Entity<PolicyDraft>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.CreatedBy).HasMaxLength(320);
            e.Property(x => x.UpdatedBy).HasMaxLength(320);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => x.UpdatedAt);
        });
        modelBuilder.Entity<Customer>(e =>
        {
            e.Property(x => x.Source).HasMaxLength(64);
            e.Property(x => x.ExternalId).HasMaxLength(200);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => new { x.Source, x.ExternalId }).IsUnique();
            e.HasIndex(x => x.Email);
            e.HasMany(x => x.Needs).WithOne().HasForeignKey(x => x.CustomerId);
        });
        modelBuilder.Entity<Conversation>(e =>
        {
            e.Property(x => x.Source).HasMaxLength(64);
            e.Property(x => x.ExternalId).HasMaxLength(200);
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Priority).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.LastEmotion).HasMaxLength(32);
            e.HasIndex(x => new { x.Source, x.ExternalId }).IsUnique();
            e.HasIndex(x => new { x.CustomerId, x.Channel, x.Status });
            e.HasIndex(x => x.LastMessageAt);
            e.HasIndex(x => new { x.Status, x.DeskId });
            e.HasIndex(x => x.LastEmotion);
            e.HasIndex(x => x.Vulnerable);
            e.HasIndex(x => x.MaxUrgency);
            e.Property(x => x.HandlingMode).HasMaxLength(16);
            e.Property(x => x.SlaName).HasMaxLength(100);
            e.Property(x => x.Playbook).HasMaxLength(200);
            e.Property(x => x.PolicyName).HasMaxLength(200);
            e.Property(x => x.PolicyVersion).HasMaxLength(100);
            e.Property(x => x.RoutingRule).HasMaxLength(100);
            e.Property(x => x.RoutingExplanation).HasMaxLength(1000);
            e.HasIndex(x => new { x.Status, x.Escalated });
            e.HasIndex(x => x.CreatedAt);
            e.HasIndex(x => x.ResolvedAt);
            e.HasMany(x => x.Messages).WithOne(x => x.Conversation).HasForeignKey(x => x.ConversationId);
        });
        modelBuilder.Entity<Message>(e =>
        {
            e.Property(x => x.Source).HasMaxLength(64);
            e.Property(x => x.ExternalId).HasMaxLength(200);
            e.Property(x => x.Author).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Emotion).HasMaxLength(32);
            e.Property(x => x.Topic).HasMaxLength(32);
            e.Property(x => x.VulnerabilityDrivers).HasMaxLength(200);
            e.HasIndex(x => new { x.Source, x.ExternalId }).IsUnique();
            e.HasIndex(x => new { x.ConversationId, x.SentAt });
            e.HasIndex(x => x.Emotion);
            e.HasIndex(x => x.Vulnerable);
            e.HasIndex(x => x.Urgency);
            e.HasIndex(x => x.Topic);
            e.Property(x => x.CoachingFlags).HasMaxLength(200);
            e.Property(x => x.CoachingTip).HasMaxLength(500);
            e.HasIndex(x => new { x.Author, x.SentAt });
            e.HasIndex(x => new { x.AgentId, x.SentAt });
        });
        modelBuilder.Entity<User>(e =>
        {
            e.Property(x => x.Email).HasMaxLength(320);
            e.HasIndex(x => x.Email).IsUnique();
            e.Property(x => x.SecurityStamp).HasMaxLength(64);
        });
        modelBuilder.Entity<ApiKey>(e =>
        {
            e.Property(x => x.Prefix).HasMaxLength(32);
            e.HasIndex(x => x.Prefix).IsUnique();
        });
        modelBuilder.Entity<AuditEvent>(e => e.HasIndex(x => x.At));
        modelBuilder.Entity<WebhookDelivery>(e => e.HasIndex(x => new { x.DeliveredAt, x.Failed, x.NextAttemptAt }));
        modelBuilder.Entity<ImportRun>(e =>
        {
            e.Property(x => x.Key).HasMaxLength(200);
            e.HasIndex(x => x.Key).IsUnique();
        });
    }
}
