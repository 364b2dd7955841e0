//go:build cgo

package pyparse

import (
	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
)

// kind is llmleak's dense numbering of the grammar symbols it cares about,
// so that the converter switches on small integers instead of strings.
type kind uint8

const (
	kOther kind = iota // any symbol not listed here
	kError             // ERROR node
	kIdentifier
	kModule
	kImportStatement
	kImportPrefix
	kRelativeImport
	kFutureImportStatement
	kImportFromStatement
	kAliasedImport
	kWildcardImport
	kPrintStatement
	kChevron
	kAssertStatement
	kExpressionStatement
	kNamedExpression
	kReturnStatement
	kDeleteStatement
	kRaiseStatement
	kPassStatement
	kBreakStatement
	kContinueStatement
	kIfStatement
	kElifClause
	kElseClause
	kMatchStatement
	kBlock
	kCaseClause
	kForStatement
	kWhileStatement
	kTryStatement
	kExceptClause
	kExceptGroupClause
	kFinallyClause
	kWithStatement
	kWithClause
	kWithItem
	kFunctionDefinition
	kParameters
	kLambdaParameters
	kListSplat
	kDictionarySplat
	kGlobalStatement
	kNonlocalStatement
	kExecStatement
	kTypeAliasStatement
	kClassDefinition
	kTypeParameter
	kParenthesizedListSplat
	kArgumentList
	kDecoratedDefinition
	kDecorator
	kExpressionList
	kDottedName
	kCasePattern
	kAsPattern
	kUnionPattern
	kListPattern
	kTuplePattern
	kDictPattern
	kKeywordPattern
	kSplatPattern
	kClassPattern
	kComplexPattern
	kDefaultParameter
	kTypedDefaultParameter
	kListSplatPattern
	kDictionarySplatPattern
	kNotOperator
	kBooleanOperator
	kBinaryOperator
	kUnaryOperator
	kComparisonOperator
	kLambda
	kAssignment
	kAugmentedAssignment
	kPatternList
	kYield
	kAttribute
	kSubscript
	kSlice
	kCall
	kTypedParameter
	kType
	kSplatType
	kGenericType
	kUnionType
	kConstrainedType
	kMemberType
	kKeywordArgument
	kList
	kSet
	kTuple
	kDictionary
	kPair
	kListComprehension
	kDictionaryComprehension
	kSetComprehension
	kGeneratorExpression
	kParenthesizedExpression
	kForInClause
	kIfClause
	kConditionalExpression
	kConcatenatedString
	kString
	kStringContent
	kInterpolation
	kFormatSpecifier
	kFormatExpression
	kAwait
	kPositionalSeparator
	kKeywordSeparator
	kAsPatternTarget
	kEllipsis
	kEscapeSequence
	kTypeConversion
	kInteger
	kFloat
	kTrue
	kFalse
	kNone
	kComment
	kLineContinuation
	kStringStart
	kStringEnd
	kEscapeInterpolation
	// anonymous tokens that matter
	kTokAsync
	kTokFrom
	kTokColon
	kTokEq
	kTokUnderscore
	kTokComma
	kTokStar
	kTokDoubleStar
	kTokMinus
	kTokPipe
	kTokNotIn
	kTokIsNot
	kTokAs
	kTokIn
	kTok // other anonymous token
)

var namedKinds = map[string]kind{
	"identifier":               kIdentifier,
	"module":                   kModule,
	"import_statement":         kImportStatement,
	"import_prefix":            kImportPrefix,
	"relative_import":          kRelativeImport,
	"future_import_statement":  kFutureImportStatement,
	"import_from_statement":    kImportFromStatement,
	"aliased_import":           kAliasedImport,
	"wildcard_import":          kWildcardImport,
	"print_statement":          kPrintStatement,
	"chevron":                  kChevron,
	"assert_statement":         kAssertStatement,
	"expression_statement":     kExpressionStatement,
	"named_expression":         kNamedExpression,
	"return_statement":         kReturnStatement,
	"delete_statement":         kDeleteStatement,
	"raise_statement":          kRaiseStatement,
	"pass_statement":           kPassStatement,
	"break_statement":          kBreakStatement,
	"continue_statement":       kContinueStatement,
	"if_statement":             kIfStatement,
	"elif_clause":              kElifClause,
	"else_clause":              kElseClause,
	"match_statement":          kMatchStatement,
	"block":                    kBlock,
	"case_clause":              kCaseClause,
	"for_statement":            kForStatement,
	"while_statement":          kWhileStatement,
	"try_statement":            kTryStatement,
	"except_clause":            kExceptClause,
	"except_group_clause":      kExceptGroupClause,
	"finally_clause":           kFinallyClause,
	"with_statement":           kWithStatement,
	"with_clause":              kWithClause,
	"with_item":                kWithItem,
	"function_definition":      kFunctionDefinition,
	"parameters":               kParameters,
	"lambda_parameters":        kLambdaParameters,
	"list_splat":               kListSplat,
	"dictionary_splat":         kDictionarySplat,
	"global_statement":         kGlobalStatement,
	"nonlocal_statement":       kNonlocalStatement,
	"exec_statement":           kExecStatement,
	"type_alias_statement":     kTypeAliasStatement,
	"class_definition":         kClassDefinition,
	"type_parameter":           kTypeParameter,
	"parenthesized_list_splat": kParenthesizedListSplat,
	"argument_list":            kArgumentList,
	"decorated_definition":     kDecoratedDefinition,
	"decorator":                kDecorator,
	"expression_list":          kExpressionList,
	"dotted_name":              kDottedName,
	"case_pattern":             kCasePattern,
	"as_pattern":               kAsPattern,
	"union_pattern":            kUnionPattern,
	"list_pattern":             kListPattern,
	"tuple_pattern":            kTuplePattern,
	"dict_pattern":             kDictPattern,
	"keyword_pattern":          kKeywordPattern,
	"splat_pattern":            kSplatPattern,
	"class_pattern":            kClassPattern,
	"complex_pattern":          kComplexPattern,
	"default_parameter":        kDefaultParameter,
	"typed_default_parameter":  kTypedDefaultParameter,
	"list_splat_pattern":       kListSplatPattern,
	"dictionary_splat_pattern": kDictionarySplatPattern,
	"not_operator":             kNotOperator,
	"boolean_operator":         kBooleanOperator,
	"binary_operator":          kBinaryOperator,
	"unary_operator":           kUnaryOperator,
	"comparison_operator":      kComparisonOperator,
	"lambda":                   kLambda,
	"assignment":               kAssignment,
	"augmented_assignment":     kAugmentedAssignment,
	"pattern_list":             kPatternList,
	"yield":                    kYield,
	"attribute":                kAttribute,
	"subscript":                kSubscript,
	"slice":                    kSlice,
	"call":                     kCall,
	"typed_parameter":          kTypedParameter,
	"type":                     kType,
	"splat_type":               kSplatType,
	"generic_type":             kGenericType,
	"union_type":               kUnionType,
	"constrained_type":         kConstrainedType,
	"member_type":              kMemberType,
	"keyword_argument":         kKeywordArgument,
	"list":                     kList,
	"set":                      kSet,
	"tuple":                    kTuple,
	"dictionary":               kDictionary,
	"pair":                     kPair,
	"list_comprehension":       kListComprehension,
	"dictionary_comprehension": kDictionaryComprehension,
	"set_comprehension":        kSetComprehension,
	"generator_expression":     kGeneratorExpression,
	"parenthesized_expression": kParenthesizedExpression,
	"for_in_clause":            kForInClause,
	"if_clause":                kIfClause,
	"conditional_expression":   kConditionalExpression,
	"concatenated_string":      kConcatenatedString,
	"string":                   kString,
	"string_content":           kStringContent,
	"interpolation":            kInterpolation,
	"format_specifier":         kFormatSpecifier,
	"format_expression":        kFormatExpression,
	"await":                    kAwait,
	"positional_separator":     kPositionalSeparator,
	"keyword_separator":        kKeywordSeparator,
	"as_pattern_target":        kAsPatternTarget,
	"ellipsis":                 kEllipsis,
	"escape_sequence":          kEscapeSequence,
	"type_conversion":          kTypeConversion,
	"integer":                  kInteger,
	"float":                    kFloat,
	"true":                     kTrue,
	"false":                    kFalse,
	"none":                     kNone,
	"comment":                  kComment,
	"line_continuation":        kLineContinuation,
	"string_start":             kStringStart,
	"string_end":               kStringEnd,
	"escape_interpolation":     kEscapeInterpolation,
}

var anonKinds = map[string]kind{
	"async":  kTokAsync,
	"from":   kTokFrom,
	":":      kTokColon,
	"=":      kTokEq,
	"_":      kTokUnderscore,
	",":      kTokComma,
	"*":      kTokStar,
	"**":     kTokDoubleStar,
	"-":      kTokMinus,
	"|":      kTokPipe,
	"not in": kTokNotIn,
	"is not": kTokIsNot,
	"as":     kTokAs,
	"in":     kTokIn,
}

// field is a grammar field id, as reported by the tree cursor.
type field = uint16

// Field ids of the grammar, resolved by name at init; 0 is "no field" and
// also what an unknown name resolves to.
var (
	fAlias, fAlternative, fArgument, fArguments, fAttribute, fBody, fCause,
	fCode, fCondition, fConsequence, fDefinition, fExpression,
	fFormatSpecifier, fFunction, fGuard, fKey, fLeft, fModuleName, fName,
	fObject, fOperator, fOperators, fParameters, fReturnType, fRight, fSubject,
	fSubscript, fSuperclasses, fType, fValue field
)

var (
	language *sitter.Language
	// symKinds maps a tree-sitter symbol to its kind.
	symKinds []kind
)

func init() {
	language = python.GetLanguage()
	n := language.SymbolCount()
	symKinds = make([]kind, n)
	for s := uint32(0); s < n; s++ {
		sym := sitter.Symbol(s)
		name := language.SymbolName(sym)
		switch language.SymbolType(sym) {
		case sitter.SymbolTypeRegular:
			symKinds[s] = namedKinds[name]
		case sitter.SymbolTypeAnonymous:
			if k, ok := anonKinds[name]; ok {
				symKinds[s] = k
			} else {
				symKinds[s] = kTok
			}
		}
	}
	fields := map[string]*field{
		"alias": &fAlias, "alternative": &fAlternative, "argument": &fArgument,
		"arguments": &fArguments, "attribute": &fAttribute, "body": &fBody,
		"cause": &fCause, "code": &fCode, "condition": &fCondition,
		"consequence": &fConsequence, "definition": &fDefinition,
		"expression": &fExpression, "format_specifier": &fFormatSpecifier,
		"function": &fFunction, "guard": &fGuard, "key": &fKey, "left": &fLeft,
		"module_name": &fModuleName, "name": &fName, "object": &fObject,
		"operator": &fOperator, "operators": &fOperators, "parameters": &fParameters,
		"return_type": &fReturnType, "right": &fRight, "subject": &fSubject,
		"subscript": &fSubscript, "superclasses": &fSuperclasses, "type": &fType,
		"value": &fValue,
	}
	for id := 1; id < 1<<10; id++ {
		name := language.FieldName(id)
		if name == "" {
			break
		}
		if p, ok := fields[name]; ok {
			*p = field(id)
		}
	}
	for name, p := range fields {
		if *p == 0 {
			panic("pyparse: grammar has no field " + name)
		}
	}
}

// kindOf returns the kind of a symbol, ERROR included.
func kindOf(sym uint16) kind {
	if sym == symError {
		return kError
	}
	if int(sym) < len(symKinds) {
		return symKinds[sym]
	}
	return kOther
}
