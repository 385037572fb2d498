/**
 * The declared side of the drift check: the stack's template, from `--template`, from
 * the cloud assembly (`cdk.out`, found through its manifest, nested assemblies of stages
 * included), or from CloudFormation (GetTemplate, the processed stage). Nested stacks'
 * templates come from the same directory (the parent names them in
 * `Metadata['aws:asset:path']`) or from CloudFormation.
 */
import * as fs from 'fs';
import * as path from 'path';
import { GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import { AwsContext, StackNode, VerifyError } from './types';

/** A CloudFormation template, as far as the drift check reads it. */
export interface CfnTemplate {
  readonly Resources?: Record<string, CfnResource>;
}

/** One resource of a template. */
export interface CfnResource {
  readonly Type?: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

/** A template and where it came from. */
export interface LoadedTemplate {
  readonly template: CfnTemplate;
  /** A file path, or `CloudFormation (GetTemplate)`. */
  readonly source: string;
  /** The directory of a template read from a file: nested templates are looked for there. */
  readonly dir?: string;
}

/** Where to look for the root stack's template. */
export interface TemplateLocation {
  readonly cwd: string;
  readonly templatePath?: string;
  readonly cdkOut: string;
  /** True when the directory was given on the command line (then it must exist). */
  readonly cdkOutGiven: boolean;
}

/** The root stack's template: `--template`, else the cloud assembly, else CloudFormation. */
export async function loadRootTemplate(stack: StackNode, where: TemplateLocation, aws: AwsContext): Promise<LoadedTemplate> {
  if (where.templatePath !== undefined) {
    const file = path.resolve(where.cwd, where.templatePath);
    if (!fs.existsSync(file)) throw new VerifyError(`Template file '${where.templatePath}' does not exist.`, 'Give the path of a synthesized template (JSON).');
    return readTemplateFile(file, where.cwd);
  }
  const assembly = path.resolve(where.cwd, where.cdkOut);
  if (!fs.existsSync(assembly)) {
    if (where.cdkOutGiven) throw new VerifyError(`Cloud assembly directory '${where.cdkOut}' does not exist.`, 'Run `npx cdk synth` first, or give the directory with --cdk-out.');
    return fetchTemplate(stack, aws);
  }
  const file = findInAssembly(assembly, stack.name) ?? [path.join(assembly, `${stack.name}.template.json`)].find(f => fs.existsSync(f));
  return file === undefined ? fetchTemplate(stack, aws) : readTemplateFile(file, where.cwd);
}

/** A nested stack's template: beside its parent's template file when it is there, else from CloudFormation. */
export async function loadNestedTemplate(nested: StackNode, parent: LoadedTemplate, aws: AwsContext, cwd: string): Promise<LoadedTemplate> {
  const assetPath = parent.template.Resources?.[nested.logicalIdInParent ?? '']?.Metadata?.['aws:asset:path'];
  if (parent.dir !== undefined && typeof assetPath === 'string') {
    const file = path.join(parent.dir, assetPath);
    if (fs.existsSync(file)) return readTemplateFile(file, cwd);
  }
  return fetchTemplate(nested, aws);
}

/**
 * The template file of the stack named `stackName` in a cloud assembly: a stack artifact
 * is named by `properties.stackName`, or by its ID when that is absent; a stage is a
 * nested assembly in `properties.directoryName`.
 */
export function findInAssembly(dir: string, stackName: string): string | undefined {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) return undefined;
  const manifest = parseJson(fs.readFileSync(manifestFile, 'utf-8'), manifestFile) as AssemblyManifest;
  for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
    const props = artifact.properties ?? {};
    if (artifact.type === 'aws:cloudformation:stack' && (props.stackName ?? id) === stackName && typeof props.templateFile === 'string') {
      return path.join(dir, props.templateFile);
    }
    if (artifact.type === 'cdk:cloud-assembly' && typeof props.directoryName === 'string') {
      const found = findInAssembly(path.join(dir, props.directoryName), stackName);
      if (found) return found;
    }
  }
  return undefined;
}

interface AssemblyManifest {
  readonly artifacts?: Record<string, { readonly type?: string; readonly properties?: Record<string, string | undefined> }>;
}

function readTemplateFile(file: string, cwd: string): LoadedTemplate {
  const source = path.relative(cwd, file) || file;
  return { template: parseJson(fs.readFileSync(file, 'utf-8'), source) as CfnTemplate, source, dir: path.dirname(file) };
}

async function fetchTemplate(stack: StackNode, aws: AwsContext): Promise<LoadedTemplate> {
  const out = await aws.call('GetTemplate', () => aws.cfn.send(new GetTemplateCommand({ StackName: stack.id, TemplateStage: 'Processed' })));
  const source = `CloudFormation (GetTemplate of ${stack.name})`;
  return { template: parseJson(out.TemplateBody ?? '{}', source) as CfnTemplate, source };
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new VerifyError(`The template ${source} is not JSON (${(error as Error).message}).`,
      'Templates written in YAML are not read: give a JSON template with --template, or skip the comparison with --no-drift.');
  }
}
