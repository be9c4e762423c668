// The one place the library imports `cdktf`. Moving to the community fork (cdktn)
// is then a change of this file and of package.json, nothing else.
export {
  Annotations,
  App,
  Aspects,
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
  IResolvable,
  ITerraformDependable,
  TerraformMetaArguments,
  TerraformProviderGeneratorMetadata,
} from 'cdktf';
