namespace Attune.Browser.Tests;

/// <summary>Full-window screenshots at 1366x768 in artifacts/screenshots/, for people to look at after a run.</summary>
public static class Screenshots
{
    public static string Folder { get; } = FindFolder();

    public static async Task<string> TakeAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path });
        return path;
    }

    private static string FindFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Attune.slnx")))
        {
            dir = dir.Parent;
        }
        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
