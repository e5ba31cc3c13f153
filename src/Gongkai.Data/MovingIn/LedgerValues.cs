using Gongkai.Domain.Applications;

namespace Gongkai.Data.MovingIn;

/// <summary>A ledger's cells as agencies write them (<see cref="LedgerImport"/>): reply types, appeals, amounts, by label or common short form.</summary>
public static class LedgerValues
{
    /// <summary>行政复议, 行政诉讼 (filed directly) or 复议后诉讼, as the report's fourth table groups them; also their labels.</summary>
    public static AppealKind? AppealKindOf(string text)
    {
        var t = text.Trim();
        return Enum.GetValues<AppealKind>().Cast<AppealKind?>().FirstOrDefault(k => k!.Value.Label() == t) ?? t switch
        {
            _ when t.Contains("复议后") || t.Contains("经复议") => AppealKind.LitigationAfterReconsideration,
            _ when t.Contains("诉讼") || t.Contains("起诉") => AppealKind.LitigationDirect,
            _ when t.Contains("复议") => AppealKind.Reconsideration,
            _ => null,
        };
    }

    public static AppealResult? AppealResultOf(string text) => text.Trim() switch
    {
        "维持" or "结果维持" => AppealResult.Upheld,
        "纠正" or "结果纠正" or "撤销" or "确认违法" or "责令履行" => AppealResult.Corrected,
        "其他" or "其他结果" or "撤回" or "终止" => AppealResult.Other,
        _ => null,
    };

    /// <summary>An amount in yuan as a ledger writes it (120, 120.50, ¥120, 120元), above zero.</summary>
    public static decimal? Money(string text) =>
        decimal.TryParse(text.Trim().TrimStart('¥', '￥').TrimEnd('元').Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount)
            && amount is > 0 and < 10_000_000 ? decimal.Round(amount, 2) : null;

    /// <summary>A reply type by the report's label, the part after its "：" (属于国家秘密, 政府信息不存在), a common short form, or its code.</summary>
    public static ReplyType? ReplyOf(string text)
    {
        var t = text.Trim();
        return t switch
        {
            "部分公开" => ReplyType.Partial,
            "不存在" or "信息不存在" => ReplyType.NotExist,
            "逾期不补正" or "逾期未补正" => ReplyType.NoSupplement,
            "逾期未缴费" or "逾期不缴费" => ReplyType.FeeUnpaid,
            _ => Enum.GetValues<ReplyType>().Cast<ReplyType?>().FirstOrDefault(r => r!.Value.Label() == t || r.Value.Label().Split('：').Last() == t
                || string.Equals(r.Value.ToString(), t, StringComparison.OrdinalIgnoreCase)),
        };
    }
}
