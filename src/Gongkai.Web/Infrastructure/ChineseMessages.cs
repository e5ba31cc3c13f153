using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Gongkai.Web.Infrastructure;

/// <summary>The framework's model-binding messages in Chinese, naming the field.</summary>
internal static class ChineseMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是{field}的有效值。");
        p.SetMissingBindRequiredValueAccessor(field => $"请填写{field}。");
        p.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效值。");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效。");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "此项须为数字。");
        p.SetUnknownValueIsInvalidAccessor(field => $"{field}的值无效。");
        p.SetValueIsInvalidAccessor(value => $"“{value}”无效。");
        p.SetValueMustBeANumberAccessor(field => $"{field}须为数字。");
        p.SetValueMustNotBeNullAccessor(value => $"请填写此项。");
    }
}
