-- pandoc Lua filter: the notes, written as separate GitHub pages, become one
-- HTML page. Each input file is read on its own (so each keeps its own heading
-- anchors, as on GitHub) and wrapped in <div class="note" data-source="FILE">;
-- then its links are rewritten:
--   a link to a note in the page (03-backpropagation.md, exercises/README.md,
--     03-backpropagation.md#a-heading, #a-heading) -> that heading's id on the page;
--   a link to any other file (../lib/backward.hpp, data/saturated.json) -> its
--     path from the page's directory, given in NOTES_FROM_PAGE (notes/ seen from
--     the page; the build directory may be anywhere);
--   an image -> its path from notes/, where pandoc runs, so that it is embedded;
--     an image that is a paragraph of its own goes into <div class="picture">,
--     which page.css shows at the picture's own size (see there).
-- Run by build-page from notes/, with the note files named relative to notes/.

local from_page = os.getenv('NOTES_FROM_PAGE') or '.'

-- 'a/./b/../c' -> 'a/c'; leading '..' are kept ('../lib/x.hpp').
local function normalise(path)
  local parts = {}
  for part in path:gmatch('[^/]+') do
    if part == '..' and #parts > 0 and parts[#parts] ~= '..' then
      table.remove(parts)
    elseif part ~= '.' then
      table.insert(parts, part)
    end
  end
  return table.concat(parts, '/')
end

local function directory(file)
  return file:match('^(.*)/[^/]*$') or '.'
end

local function is_external(target)
  return target:match('^%a[%w+.-]*:') or target:match('^/')
end

local function read_note(file)
  local handle = assert(io.open(file, 'r'))
  local text = handle:read('a')
  handle:close()
  return pandoc.read(text, 'gfm+tex_math_dollars').blocks
end

-- A formula cannot break across lines, so text holding a long one can be wider
-- than a narrow window; page.css makes such text scroll. In a tight list the
-- text is not in a <p> (and a scrolling <li> would lose its bullet), so it
-- goes into a <div class="scrolls">.
local function has_math(block)
  local found = false
  pandoc.walk_block(block, {Math = function() found = true end})
  return found
end

local function wrap_list_text(list)
  for _, item in ipairs(list.content) do
    for i, block in ipairs(item) do
      if block.t == 'Plain' and has_math(block) then item[i] = pandoc.Div({block}, pandoc.Attr('', {'scrolls'})) end
    end
  end
  return list
end

local function wrap_picture(para)
  if #para.content == 1 and para.content[1].t == 'Image' then
    return pandoc.Div({pandoc.Plain(para.content)}, pandoc.Attr('', {'picture'}))
  end
end

function Pandoc(doc)
  local files = PANDOC_STATE.input_files
  local notes, ids, first_id, used = {}, {}, {}, {}
  -- Read every note, and give each heading an id unique on the page: its own
  -- when no earlier note has it, else with a suffix (-1, -2, ...).
  for _, file in ipairs(files) do
    file = normalise(file)
    local blocks = read_note(file)
    ids[file] = {}
    blocks = pandoc.walk_block(pandoc.Div(blocks), {
      Header = function(h)
        local id, n = h.identifier, 0
        while used[id] do
          n = n + 1
          id = h.identifier .. '-' .. n
        end
        used[id] = true
        ids[file][h.identifier] = id
        first_id[file] = first_id[file] or id
        h.identifier = id
        return h
      end,
    }).content
    table.insert(notes, {file = file, blocks = blocks})
  end

  local result = {}
  for _, note in ipairs(notes) do
    local here = directory(note.file)
    local function anchor(file, fragment)
      if fragment == nil or fragment == '' then return '#' .. (first_id[file] or '') end
      return '#' .. (ids[file][fragment] or fragment) -- an unknown heading stays, and the page test reports it
    end
    local div = pandoc.walk_block(pandoc.Div(note.blocks), {
      Link = function(link)
        local target = link.target
        if is_external(target) then return nil end
        local path, fragment = target:match('^([^#]*)#?(.*)$')
        if path == '' then
          link.target = anchor(note.file, fragment)
          return link
        end
        path = normalise(here .. '/' .. path)
        if ids[path] then
          link.target = anchor(path, fragment)
        else
          link.target = normalise(from_page .. '/' .. path) .. (fragment ~= '' and '#' .. fragment or '')
        end
        return link
      end,
      Para = wrap_picture,
      BulletList = wrap_list_text,
      OrderedList = wrap_list_text,
      Image = function(image)
        if not is_external(image.src) then image.src = normalise(here .. '/' .. image.src) end
        return image
      end,
    })
    div.attr = pandoc.Attr('', {'note'}, {{'data-source', note.file}})
    table.insert(result, div)
  end
  doc.blocks = result
  return doc
end
