using Microsoft.Playwright;

namespace Loopwise.EndToEnd.Infrastructure;

/// <summary>Saves a full-page screenshot when LOOPWISE_SCREENSHOTS names a folder (for people reviewing the UI).</summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("LOOPWISE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
