// A TypeScript port of the libyaml parser (event producer) from go-yaml v2.4.0
// (sigs.k8s.io/yaml/goyaml.v2/parserc.go). Same states, same error texts and marks.

import { Scanner, T, Style, YamlError, type Mark, type Token } from './scanner.ts';

export const E = {
  NONE: 0,
  STREAM_START: 1,
  STREAM_END: 2,
  DOCUMENT_START: 3,
  DOCUMENT_END: 4,
  ALIAS: 5,
  SCALAR: 6,
  SEQUENCE_START: 7,
  SEQUENCE_END: 8,
  MAPPING_START: 9,
  MAPPING_END: 10,
} as const;

export interface YamlEvent {
  type: number;
  start: Mark;
  end: Mark;
  anchor: string;
  tag: string;
  value: string;
  implicit: boolean;
  quotedImplicit: boolean;
  style: number;
}

const S = {
  STREAM_START: 0,
  IMPLICIT_DOCUMENT_START: 1,
  DOCUMENT_START: 2,
  DOCUMENT_CONTENT: 3,
  DOCUMENT_END: 4,
  BLOCK_NODE: 5,
  BLOCK_NODE_OR_INDENTLESS_SEQUENCE: 6,
  FLOW_NODE: 7,
  BLOCK_SEQUENCE_FIRST_ENTRY: 8,
  BLOCK_SEQUENCE_ENTRY: 9,
  INDENTLESS_SEQUENCE_ENTRY: 10,
  BLOCK_MAPPING_FIRST_KEY: 11,
  BLOCK_MAPPING_KEY: 12,
  BLOCK_MAPPING_VALUE: 13,
  FLOW_SEQUENCE_FIRST_ENTRY: 14,
  FLOW_SEQUENCE_ENTRY: 15,
  FLOW_SEQUENCE_ENTRY_MAPPING_KEY: 16,
  FLOW_SEQUENCE_ENTRY_MAPPING_VALUE: 17,
  FLOW_SEQUENCE_ENTRY_MAPPING_END: 18,
  FLOW_MAPPING_FIRST_KEY: 19,
  FLOW_MAPPING_KEY: 20,
  FLOW_MAPPING_VALUE: 21,
  FLOW_MAPPING_EMPTY_VALUE: 22,
  END: 23,
} as const;

interface TagDirective {
  handle: string;
  prefix: string;
}

const DEFAULT_TAG_DIRECTIVES: TagDirective[] = [
  { handle: '!', prefix: '!' },
  { handle: '!!', prefix: 'tag:yaml.org,2002:' },
];

function ev(type: number, start: Mark, end: Mark): YamlEvent {
  return { type, start, end, anchor: '', tag: '', value: '', implicit: false, quotedImplicit: false, style: 0 };
}

export class Parser {
  private scanner: Scanner;
  private state: number = S.STREAM_START;
  private states: number[] = [];
  private marks: Mark[] = [];
  private tagDirectives: TagDirective[] = [];
  private streamEndProduced = false;

  constructor(input: string) {
    this.scanner = new Scanner(input);
  }

  private peek(): Token {
    return this.scanner.peekToken();
  }

  private skip(): void {
    this.scanner.skipToken();
  }

  private parserError(problem: string, problemMark: Mark): never {
    throw new YamlError('parser', problem, problemMark);
  }

  private parserErrorContext(context: string, contextMark: Mark, problem: string, problemMark: Mark): never {
    throw new YamlError('parser', problem, problemMark, context, contextMark);
  }

  /** yaml_parser_parse: returns the next event, or null after the stream end. */
  parse(): YamlEvent | null {
    if (this.scanner.streamEndProduced || this.state === S.END) return null;
    return this.stateMachine();
  }

  private popState(): void {
    this.state = this.states.pop()!;
  }

  private stateMachine(): YamlEvent {
    switch (this.state) {
      case S.STREAM_START:
        return this.parseStreamStart();
      case S.IMPLICIT_DOCUMENT_START:
        return this.parseDocumentStart(true);
      case S.DOCUMENT_START:
        return this.parseDocumentStart(false);
      case S.DOCUMENT_CONTENT:
        return this.parseDocumentContent();
      case S.DOCUMENT_END:
        return this.parseDocumentEnd();
      case S.BLOCK_NODE:
        return this.parseNode(true, false);
      case S.BLOCK_NODE_OR_INDENTLESS_SEQUENCE:
        return this.parseNode(true, true);
      case S.FLOW_NODE:
        return this.parseNode(false, false);
      case S.BLOCK_SEQUENCE_FIRST_ENTRY:
        return this.parseBlockSequenceEntry(true);
      case S.BLOCK_SEQUENCE_ENTRY:
        return this.parseBlockSequenceEntry(false);
      case S.INDENTLESS_SEQUENCE_ENTRY:
        return this.parseIndentlessSequenceEntry();
      case S.BLOCK_MAPPING_FIRST_KEY:
        return this.parseBlockMappingKey(true);
      case S.BLOCK_MAPPING_KEY:
        return this.parseBlockMappingKey(false);
      case S.BLOCK_MAPPING_VALUE:
        return this.parseBlockMappingValue();
      case S.FLOW_SEQUENCE_FIRST_ENTRY:
        return this.parseFlowSequenceEntry(true);
      case S.FLOW_SEQUENCE_ENTRY:
        return this.parseFlowSequenceEntry(false);
      case S.FLOW_SEQUENCE_ENTRY_MAPPING_KEY:
        return this.parseFlowSequenceEntryMappingKey();
      case S.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE:
        return this.parseFlowSequenceEntryMappingValue();
      case S.FLOW_SEQUENCE_ENTRY_MAPPING_END:
        return this.parseFlowSequenceEntryMappingEnd();
      case S.FLOW_MAPPING_FIRST_KEY:
        return this.parseFlowMappingKey(true);
      case S.FLOW_MAPPING_KEY:
        return this.parseFlowMappingKey(false);
      case S.FLOW_MAPPING_VALUE:
        return this.parseFlowMappingValue(false);
      case S.FLOW_MAPPING_EMPTY_VALUE:
        return this.parseFlowMappingValue(true);
    }
    throw new Error('invalid parser state');
  }

  private parseStreamStart(): YamlEvent {
    const token = this.peek();
    if (token.type !== T.STREAM_START) {
      this.parserError('did not find expected <stream-start>', token.start);
    }
    this.state = S.IMPLICIT_DOCUMENT_START;
    const e = ev(E.STREAM_START, token.start, token.end);
    this.skip();
    return e;
  }

  private parseDocumentStart(implicit: boolean): YamlEvent {
    let token = this.peek();
    if (!implicit) {
      while (token.type === T.DOCUMENT_END) {
        this.skip();
        token = this.peek();
      }
    }
    if (
      implicit &&
      token.type !== T.VERSION_DIRECTIVE &&
      token.type !== T.TAG_DIRECTIVE &&
      token.type !== T.DOCUMENT_START &&
      token.type !== T.STREAM_END
    ) {
      this.processDirectives();
      this.states.push(S.DOCUMENT_END);
      this.state = S.BLOCK_NODE;
      return ev(E.DOCUMENT_START, token.start, token.end);
    }
    if (token.type !== T.STREAM_END) {
      const start = token.start;
      this.processDirectives();
      token = this.peek();
      if (token.type !== T.DOCUMENT_START) {
        this.parserError('did not find expected <document start>', token.start);
      }
      this.states.push(S.DOCUMENT_END);
      this.state = S.DOCUMENT_CONTENT;
      const e = ev(E.DOCUMENT_START, start, token.end);
      this.skip();
      return e;
    }
    this.state = S.END;
    const e = ev(E.STREAM_END, token.start, token.end);
    this.skip();
    return e;
  }

  private parseDocumentContent(): YamlEvent {
    const token = this.peek();
    if (
      token.type === T.VERSION_DIRECTIVE ||
      token.type === T.TAG_DIRECTIVE ||
      token.type === T.DOCUMENT_START ||
      token.type === T.DOCUMENT_END ||
      token.type === T.STREAM_END
    ) {
      this.popState();
      return this.processEmptyScalar(token.start);
    }
    return this.parseNode(true, false);
  }

  private parseDocumentEnd(): YamlEvent {
    const token = this.peek();
    const start = token.start;
    let end = token.start;
    let implicit = true;
    if (token.type === T.DOCUMENT_END) {
      end = token.end;
      this.skip();
      implicit = false;
    }
    this.tagDirectives = [];
    this.state = S.DOCUMENT_START;
    const e = ev(E.DOCUMENT_END, start, end);
    e.implicit = implicit;
    return e;
  }

  private parseNode(block: boolean, indentlessSequence: boolean): YamlEvent {
    let token = this.peek();
    if (token.type === T.ALIAS) {
      this.popState();
      const e = ev(E.ALIAS, token.start, token.end);
      e.anchor = token.value;
      this.skip();
      return e;
    }
    let start = token.start;
    let end = token.start;
    let tagToken = false;
    let tagHandle = '';
    let tagSuffix = '';
    let anchor = '';
    let tagMark = token.start;
    if (token.type === T.ANCHOR) {
      anchor = token.value;
      start = token.start;
      end = token.end;
      this.skip();
      token = this.peek();
      if (token.type === T.TAG) {
        tagToken = true;
        tagHandle = token.value;
        tagSuffix = token.suffix;
        tagMark = token.start;
        end = token.end;
        this.skip();
        token = this.peek();
      }
    } else if (token.type === T.TAG) {
      tagToken = true;
      tagHandle = token.value;
      tagSuffix = token.suffix;
      start = token.start;
      tagMark = token.start;
      end = token.end;
      this.skip();
      token = this.peek();
      if (token.type === T.ANCHOR) {
        anchor = token.value;
        end = token.end;
        this.skip();
        token = this.peek();
      }
    }
    let tag = '';
    if (tagToken) {
      if (tagHandle.length === 0) {
        tag = tagSuffix;
      } else {
        for (const d of this.tagDirectives) {
          if (d.handle === tagHandle) {
            tag = d.prefix + tagSuffix;
            break;
          }
        }
        if (tag.length === 0) {
          this.parserErrorContext('while parsing a node', start, 'found undefined tag handle', tagMark);
        }
      }
    }
    const implicit = tag.length === 0;
    if (indentlessSequence && token.type === T.BLOCK_ENTRY) {
      end = token.end;
      this.state = S.INDENTLESS_SEQUENCE_ENTRY;
      const e = ev(E.SEQUENCE_START, start, end);
      e.anchor = anchor;
      e.tag = tag;
      e.implicit = implicit;
      e.style = 1; // block
      return e;
    }
    if (token.type === T.SCALAR) {
      let plainImplicit = false;
      let quotedImplicit = false;
      end = token.end;
      if ((tag.length === 0 && token.style === Style.PLAIN) || tag === '!') {
        plainImplicit = true;
      } else if (tag.length === 0) {
        quotedImplicit = true;
      }
      this.popState();
      const e = ev(E.SCALAR, start, end);
      e.anchor = anchor;
      e.tag = tag;
      e.value = token.value;
      e.implicit = plainImplicit;
      e.quotedImplicit = quotedImplicit;
      e.style = token.style;
      this.skip();
      return e;
    }
    if (token.type === T.FLOW_SEQUENCE_START) {
      end = token.end;
      this.state = S.FLOW_SEQUENCE_FIRST_ENTRY;
      const e = ev(E.SEQUENCE_START, start, end);
      e.anchor = anchor;
      e.tag = tag;
      e.implicit = implicit;
      e.style = 2; // flow
      return e;
    }
    if (token.type === T.FLOW_MAPPING_START) {
      end = token.end;
      this.state = S.FLOW_MAPPING_FIRST_KEY;
      const e = ev(E.MAPPING_START, start, end);
      e.anchor = anchor;
      e.tag = tag;
      e.implicit = implicit;
      e.style = 2;
      return e;
    }
    if (block && token.type === T.BLOCK_SEQUENCE_START) {
      end = token.end;
      this.state = S.BLOCK_SEQUENCE_FIRST_ENTRY;
      const e = ev(E.SEQUENCE_START, start, end);
      e.anchor = anchor;
      e.tag = tag;
      e.implicit = implicit;
      e.style = 1;
      return e;
    }
    if (block && token.type === T.BLOCK_MAPPING_START) {
      end = token.end;
      this.state = S.BLOCK_MAPPING_FIRST_KEY;
      const e = ev(E.MAPPING_START, start, end);
      e.anchor = anchor;
      e.tag = tag;
      e.implicit = implicit;
      e.style = 1;
      return e;
    }
    if (anchor.length > 0 || tag.length > 0) {
      this.popState();
      const e = ev(E.SCALAR, start, end);
      e.anchor = anchor;
      e.tag = tag;
      e.implicit = implicit;
      e.quotedImplicit = false;
      e.style = Style.PLAIN;
      return e;
    }
    this.parserErrorContext(
      block ? 'while parsing a block node' : 'while parsing a flow node',
      start,
      'did not find expected node content',
      token.start,
    );
  }

  private parseBlockSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      const token = this.peek();
      this.marks.push(token.start);
      this.skip();
    }
    let token = this.peek();
    if (token.type === T.BLOCK_ENTRY) {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (token.type !== T.BLOCK_ENTRY && token.type !== T.BLOCK_END) {
        this.states.push(S.BLOCK_SEQUENCE_ENTRY);
        return this.parseNode(true, false);
      }
      this.state = S.BLOCK_SEQUENCE_ENTRY;
      return this.processEmptyScalar(mark);
    }
    if (token.type === T.BLOCK_END) {
      this.popState();
      this.marks.pop();
      const e = ev(E.SEQUENCE_END, token.start, token.end);
      this.skip();
      return e;
    }
    const contextMark = this.marks.pop()!;
    this.parserErrorContext('while parsing a block collection', contextMark, "did not find expected '-' indicator", token.start);
  }

  private parseIndentlessSequenceEntry(): YamlEvent {
    let token = this.peek();
    if (token.type === T.BLOCK_ENTRY) {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (token.type !== T.BLOCK_ENTRY && token.type !== T.KEY && token.type !== T.VALUE && token.type !== T.BLOCK_END) {
        this.states.push(S.INDENTLESS_SEQUENCE_ENTRY);
        return this.parseNode(true, false);
      }
      this.state = S.INDENTLESS_SEQUENCE_ENTRY;
      return this.processEmptyScalar(mark);
    }
    this.popState();
    return ev(E.SEQUENCE_END, token.start, token.start);
  }

  private parseBlockMappingKey(first: boolean): YamlEvent {
    if (first) {
      const token = this.peek();
      this.marks.push(token.start);
      this.skip();
    }
    let token = this.peek();
    if (token.type === T.KEY) {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (token.type !== T.KEY && token.type !== T.VALUE && token.type !== T.BLOCK_END) {
        this.states.push(S.BLOCK_MAPPING_VALUE);
        return this.parseNode(true, true);
      }
      this.state = S.BLOCK_MAPPING_VALUE;
      return this.processEmptyScalar(mark);
    }
    if (token.type === T.BLOCK_END) {
      this.popState();
      this.marks.pop();
      const e = ev(E.MAPPING_END, token.start, token.end);
      this.skip();
      return e;
    }
    const contextMark = this.marks.pop()!;
    this.parserErrorContext('while parsing a block mapping', contextMark, 'did not find expected key', token.start);
  }

  private parseBlockMappingValue(): YamlEvent {
    let token = this.peek();
    if (token.type === T.VALUE) {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (token.type !== T.KEY && token.type !== T.VALUE && token.type !== T.BLOCK_END) {
        this.states.push(S.BLOCK_MAPPING_KEY);
        return this.parseNode(true, true);
      }
      this.state = S.BLOCK_MAPPING_KEY;
      return this.processEmptyScalar(mark);
    }
    this.state = S.BLOCK_MAPPING_KEY;
    return this.processEmptyScalar(token.start);
  }

  private parseFlowSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      const token = this.peek();
      this.marks.push(token.start);
      this.skip();
    }
    let token = this.peek();
    if (token.type !== T.FLOW_SEQUENCE_END) {
      if (!first) {
        if (token.type === T.FLOW_ENTRY) {
          this.skip();
          token = this.peek();
        } else {
          const contextMark = this.marks.pop()!;
          this.parserErrorContext('while parsing a flow sequence', contextMark, "did not find expected ',' or ']'", token.start);
        }
      }
      if (token.type === T.KEY) {
        this.state = S.FLOW_SEQUENCE_ENTRY_MAPPING_KEY;
        const e = ev(E.MAPPING_START, token.start, token.end);
        e.implicit = true;
        e.style = 2;
        this.skip();
        return e;
      } else if (token.type !== T.FLOW_SEQUENCE_END) {
        this.states.push(S.FLOW_SEQUENCE_ENTRY);
        return this.parseNode(false, false);
      }
    }
    this.popState();
    this.marks.pop();
    const e = ev(E.SEQUENCE_END, token.start, token.end);
    this.skip();
    return e;
  }

  private parseFlowSequenceEntryMappingKey(): YamlEvent {
    const token = this.peek();
    if (token.type !== T.VALUE && token.type !== T.FLOW_ENTRY && token.type !== T.FLOW_SEQUENCE_END) {
      this.states.push(S.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE);
      return this.parseNode(false, false);
    }
    const mark = token.end;
    this.skip();
    this.state = S.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE;
    return this.processEmptyScalar(mark);
  }

  private parseFlowSequenceEntryMappingValue(): YamlEvent {
    const token = this.peek();
    if (token.type === T.VALUE) {
      this.skip();
      const t2 = this.peek();
      if (t2.type !== T.FLOW_ENTRY && t2.type !== T.FLOW_SEQUENCE_END) {
        this.states.push(S.FLOW_SEQUENCE_ENTRY_MAPPING_END);
        return this.parseNode(false, false);
      }
      // go-yaml keeps using the VALUE token's mark below (its inner `token` shadows it).
    }
    this.state = S.FLOW_SEQUENCE_ENTRY_MAPPING_END;
    return this.processEmptyScalar(token.start);
  }

  private parseFlowSequenceEntryMappingEnd(): YamlEvent {
    const token = this.peek();
    this.state = S.FLOW_SEQUENCE_ENTRY;
    return ev(E.MAPPING_END, token.start, token.start);
  }

  private parseFlowMappingKey(first: boolean): YamlEvent {
    if (first) {
      const token = this.peek();
      this.marks.push(token.start);
      this.skip();
    }
    let token = this.peek();
    if (token.type !== T.FLOW_MAPPING_END) {
      if (!first) {
        if (token.type === T.FLOW_ENTRY) {
          this.skip();
          token = this.peek();
        } else {
          const contextMark = this.marks.pop()!;
          this.parserErrorContext('while parsing a flow mapping', contextMark, "did not find expected ',' or '}'", token.start);
        }
      }
      if (token.type === T.KEY) {
        this.skip();
        token = this.peek();
        if (token.type !== T.VALUE && token.type !== T.FLOW_ENTRY && token.type !== T.FLOW_MAPPING_END) {
          this.states.push(S.FLOW_MAPPING_VALUE);
          return this.parseNode(false, false);
        }
        this.state = S.FLOW_MAPPING_VALUE;
        return this.processEmptyScalar(token.start);
      } else if (token.type !== T.FLOW_MAPPING_END) {
        this.states.push(S.FLOW_MAPPING_EMPTY_VALUE);
        return this.parseNode(false, false);
      }
    }
    this.popState();
    this.marks.pop();
    const e = ev(E.MAPPING_END, token.start, token.end);
    this.skip();
    return e;
  }

  private parseFlowMappingValue(empty: boolean): YamlEvent {
    let token = this.peek();
    if (empty) {
      this.state = S.FLOW_MAPPING_KEY;
      return this.processEmptyScalar(token.start);
    }
    if (token.type === T.VALUE) {
      this.skip();
      token = this.peek();
      if (token.type !== T.FLOW_ENTRY && token.type !== T.FLOW_MAPPING_END) {
        this.states.push(S.FLOW_MAPPING_KEY);
        return this.parseNode(false, false);
      }
    }
    this.state = S.FLOW_MAPPING_KEY;
    return this.processEmptyScalar(token.start);
  }

  private processEmptyScalar(mark: Mark): YamlEvent {
    const e = ev(E.SCALAR, mark, mark);
    e.implicit = true;
    e.style = Style.PLAIN;
    return e;
  }

  private processDirectives(): void {
    let versionSeen = false;
    let token = this.peek();
    while (token.type === T.VERSION_DIRECTIVE || token.type === T.TAG_DIRECTIVE) {
      if (token.type === T.VERSION_DIRECTIVE) {
        if (versionSeen) this.parserError('found duplicate %YAML directive', token.start);
        if (token.major !== 1 || token.minor !== 1) {
          this.parserError('found incompatible YAML document', token.start);
        }
        versionSeen = true;
      } else {
        this.appendTagDirective({ handle: token.value, prefix: token.prefix }, false, token.start);
      }
      this.skip();
      token = this.peek();
    }
    for (const d of DEFAULT_TAG_DIRECTIVES) this.appendTagDirective(d, true, token.start);
  }

  private appendTagDirective(value: TagDirective, allowDuplicates: boolean, mark: Mark): void {
    for (const d of this.tagDirectives) {
      if (d.handle === value.handle) {
        if (allowDuplicates) return;
        this.parserError('found duplicate %TAG directive', mark);
      }
    }
    this.tagDirectives.push({ handle: value.handle, prefix: value.prefix });
  }
}
