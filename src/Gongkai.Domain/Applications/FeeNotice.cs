namespace Gongkai.Domain.Applications;

/// <summary>
/// The fee notice (收取信息处理费通知书): sent within the reply period by the channel the
/// applicant chose, stating the basis, the standard, the amount and how to pay; unpaid within 20
/// working days of the day after it was received, the application is deemed abandoned
/// (国办函〔2020〕109号, domain-spec §3).
/// </summary>
public static class FeeNotice
{
    public const string Title = "收取政府信息公开信息处理费通知书";

    /// <summary>The notice's paragraphs for an application and the fee notice step recorded on it.</summary>
    /// <param name="calculation">How the amount was reached (the step's recorded reason: 按件 or 按量 and the tiers).</param>
    public static IReadOnlyList<string> Paragraphs(string applicant, DateOnly received, string requested, decimal amount, string calculation, DateOnly payBy, string payment) =>
    [
        $"{applicant}：",
        $"本机关于{Date(received)}收到您提出的政府信息公开申请，申请获取“{requested}”。",
        "根据《中华人民共和国政府信息公开条例》第四十二条，申请人申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以收取信息处理费。收费标准依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）：按件计收或者按量计收，只选择其一，均实行超额累进计费。",
        $"经核算，您本次申请应缴纳信息处理费人民币{amount:0.##}元。计收方式和计算：{calculation}。",
        $"请您自收到本通知书次日起20个工作日内（按本通知书发出之日计算，最迟于{Date(payBy)}）缴纳。缴费方式：{payment}。",
        "逾期未缴纳的，视为您放弃申请，本机关将不再处理该政府信息公开申请。",
    ];

    private static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
