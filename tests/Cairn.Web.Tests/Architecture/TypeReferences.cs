using System.Reflection;
using System.Reflection.Emit;
using Microsoft.AspNetCore.Razor.Hosting;

namespace Cairn.Web.Tests.Architecture;

/// <summary>
/// Which types a compiled type uses: in its signatures (base type, interfaces, fields, properties, method and constructor
/// parameters and returns, attributes) and in its method bodies (every type, method and field an IL instruction names).
/// Compiler-made nested types (lambdas, async state machines, closures) count as their outermost declaring type, so a
/// reference made inside a lambda is charged to the class that wrote it.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Each outermost type of the assembly, with the other types it uses (generic arguments unwrapped).</summary>
    public static Dictionary<Type, HashSet<Type>> Of(Assembly assembly)
    {
        var result = new Dictionary<Type, HashSet<Type>>();
        foreach (var type in assembly.GetTypes())
        {
            var owner = Outermost(type);
            if (!result.TryGetValue(owner, out var used))
            {
                result[owner] = used = [];
            }

            foreach (var reference in Direct(type))
            {
                foreach (var named in Unwrap(reference))
                {
                    used.Add(Outermost(named));
                }
            }
        }

        foreach (var (owner, used) in result)
        {
            used.Remove(owner);
        }

        return result;
    }

    /// <summary>
    /// Where a type's source lives, as a namespace-like name: a Razor view's generated class ("Features_Shares_Inbox_Inbox")
    /// is placed by the path of the .cshtml it was compiled from, everything else by its namespace.
    /// </summary>
    public static string PlaceOf(Type type)
    {
        var path = type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Identifier")?.Value;
        if (path is null)
        {
            return type.Namespace ?? "";
        }

        var folder = path.TrimStart('/')[..Math.Max(0, path.TrimStart('/').LastIndexOf('/'))];
        return "Cairn.Web." + folder.Replace('/', '.');
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var element in Unwrap(type.GetElementType()!))
            {
                yield return element;
            }

            yield break;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var argument in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return argument;
            }

            yield break;
        }

        yield return type;
    }

    private static IEnumerable<Type> Direct(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var face in type.GetInterfaces())
        {
            yield return face;
        }

        foreach (var attribute in type.GetCustomAttributesData())
        {
            yield return attribute.AttributeType;
        }

        foreach (var field in type.GetFields(Everything))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(Everything))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var used in InBody(method))
            {
                yield return used;
            }
        }
    }

    /// <summary>The types named by the method body's instructions: the type itself, or the declaring type of a method or field.</summary>
    private static IEnumerable<Type> InBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var opCode = OpCodesByValue[value];
            var size = OperandSize(opCode.OperandType, il, position);
            if (opCode.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, position);
                var member = Resolve(method.Module, token, typeArguments, methodArguments);
                switch (member)
                {
                    case Type named:
                        yield return named;
                        break;
                    case MethodBase called:
                        yield return called.DeclaringType!;
                        foreach (var argument in called.IsGenericMethod ? called.GetGenericArguments() : [])
                        {
                            yield return argument;
                        }

                        break;
                    case FieldInfo field:
                        yield return field.DeclaringType!;
                        break;
                }
            }

            position += size;
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            // A token into another module's generic context that reflection cannot place; nothing of Cairn's is hidden there.
            return null;
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int position) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (BitConverter.ToInt32(il, position) * 4),
        _ => 4,
    };
}
