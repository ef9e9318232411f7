namespace Attune.App.Features.Ingestion;

public static class IngestLimits
{
    public const int MaxTextLength = 32_000;
    public const int MaxIdLength = 200;
    public const int MaxSourceLength = 64;
    public const int MaxBatch = 1_000;
}
