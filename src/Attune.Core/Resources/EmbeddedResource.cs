namespace Attune.Core.Resources;

/// <summary>Reads the files embedded in Attune.Core under <c>Resources/</c>.</summary>
internal static class EmbeddedResource
{
    /// <summary>The text of an embedded file; <paramref name="path"/> is relative to <c>Resources/</c>, with '/' separators.</summary>
    public static string ReadText(string path)
    {
        var name = "Attune.Core.Resources." + path.Replace('\\', '/');
        using var stream = typeof(EmbeddedResource).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{path}' is missing from Attune.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The paths (relative to <c>Resources/</c>) of the embedded files under <paramref name="folder"/>.</summary>
    public static IEnumerable<string> List(string folder)
    {
        var prefix = "Attune.Core.Resources." + folder.TrimEnd('/') + "/";
        return typeof(EmbeddedResource).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => n["Attune.Core.Resources.".Length..])
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Opens an embedded file as a stream.</summary>
    public static Stream Open(string path) =>
        typeof(EmbeddedResource).Assembly.GetManifestResourceStream("Attune.Core.Resources." + path)
        ?? throw new InvalidOperationException($"Embedded resource '{path}' is missing from Attune.Core.");
}
