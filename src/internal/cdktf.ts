// The one place the library imports `cdktf`. Moving to the community fork (cdktn)
// is then a change of this file and of package.json, nothing else.
export {
  AnnotationMetadataEntryType,
  Annotations,
  App,
  Aspects,
  DefaultTokenResolver,
  StringConcat,
  Fn,
  Lazy,
  TerraformElement,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Testing,
  Token,
  Tokenization,
  stringToTerraform,
  numberToTerraform,
  booleanToTerraform,
  listMapper,
  hashMapper,
  isComplexElement,
} from 'cdktf';

// Interfaces: type-only, so each file still transpiles on its own.
export type {
  IAspect,
  ISynthesisSession,
  IResolvable,
  ITerraformDependable,
  TerraformMetaArguments,
  TerraformProviderGeneratorMetadata,
  TerraformResourceConfig,
} from 'cdktf';

// Per-construct hook into a stack's synthesis (cdktf's own TerraformAsset uses it to write
// files beside cdk.tf.json). Exported by its module, not by the package root, in cdktf 0.21.
export { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
export type { ICustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
