using LaiChau.CchcDashboard.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LaiChau.CchcDashboard.Data;

/// <summary>
/// Every string the app saves goes through <see cref="StoredText.Normalise"/> here, whichever form
/// or service wrote it. Lists of strings (audiences, forms) are normalised item by item and lose the
/// duplicates that normalising reveals ("Doanh nghiệp" in NFD and in NFC are one audience).
/// </summary>
public sealed class StoredTextInterceptor : SaveChangesInterceptor
{
    public static readonly StoredTextInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Normalise(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Normalise(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Normalise(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.IsKey() || property.Metadata.IsForeignKey())
                {
                    continue;
                }
                switch (property.CurrentValue)
                {
                    case string text:
                        var normalised = StoredText.Normalise(text);
                        if (!ReferenceEquals(normalised, text))
                        {
                            property.CurrentValue = normalised;
                        }
                        break;
                    case List<string> items:
                        var cleaned = items.Select(StoredText.Normalise).Distinct(StringComparer.Ordinal).ToList();
                        if (!cleaned.SequenceEqual(items, StringComparer.Ordinal))
                        {
                            property.CurrentValue = cleaned;
                        }
                        break;
                }
            }
        }
    }
}
